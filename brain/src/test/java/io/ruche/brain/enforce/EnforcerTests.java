package io.ruche.brain.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.enforce.EnforcementResult.Source;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

class EnforcerTests {

	private final Enforcer enforcer = Enforcer.create(Expressions.create(), null);

	private final ExpressionInput context = new ExpressionInput("can you promise?", null, Map.of("name", "Ada"),
			Map.of());

	private final Rule noGuarantee = rule("no_guarantee", "promises", RuleScope.GLOBAL, null,
			List.of("!response.contains(\"guarantee\")"),
			new Template("Sorry {{name}}, I cannot promise that.", TemplateMode.FALLBACK));

	private final Rule shortReplies = rule("short", "length", RuleScope.GLOBAL, null, List.of("size(response) <= 40"),
			null);

	@Test
	void aCleanDraftPassesAsIs() {
		EnforcementResult result = this.enforcer.enforce("Sure, here it is.", this.context,
				constraints(this.noGuarantee), Regenerator.NONE, new Remediation(1, null, Map.of()));

		assertThat(result.passed()).isTrue();
		assertThat(result.response()).isEqualTo("Sure, here it is.");
		assertThat(result.source()).isEqualTo(Source.DRAFT);
	}

	@Test
	void regeneratesWithTheViolationsFedBack() {
		List<List<Violation>> seen = new ArrayList<>();
		Regenerator regenerator = (violations, attempt) -> {
			seen.add(violations);
			return "We will do our best.";
		};

		EnforcementResult result = this.enforcer.enforce("We guarantee it.", this.context,
				constraints(this.noGuarantee), regenerator, new Remediation(1, null, Map.of()));

		assertThat(result.passed()).isTrue();
		assertThat(result.response()).isEqualTo("We will do our best.");
		assertThat(result.regenerations()).isEqualTo(1);
		assertThat(seen).singleElement()
			.satisfies((violations) -> assertThat(violations).singleElement()
				.extracting(Violation::expression)
				.isEqualTo("!response.contains(\"guarantee\")"));
	}

	@Test
	void fallsBackToTheBrokenRulesTemplateAfterTheLastRegeneration() {
		Regenerator stubborn = (violations, attempt) -> "I guarantee it, attempt " + attempt;

		EnforcementResult result = this.enforcer.enforce("We guarantee it.", this.context,
				constraints(this.noGuarantee), stubborn, new Remediation(2, "agent fallback", Map.of("name", "Ada")));

		assertThat(result.regenerations()).isEqualTo(2);
		assertThat(result.source()).isEqualTo(Source.RULE_FALLBACK);
		assertThat(result.response()).isEqualTo("Sorry Ada, I cannot promise that.");
		assertThat(result.passed()).isFalse();
		assertThat(result.violations()).extracting(Violation::rule).containsExactly("no_guarantee");
	}

	@Test
	void usesTheAgentFallbackWhenTheRuleHasNone() {
		EnforcementResult result = this.enforcer.enforce("This reply is far too long to pass the length rule.",
				this.context, constraints(this.shortReplies), Regenerator.NONE,
				new Remediation(1, "Let me get back to you.", Map.of()));

		assertThat(result.source()).isEqualTo(Source.AGENT_FALLBACK);
		assertThat(result.response()).isEqualTo("Let me get back to you.");
	}

	@Test
	void aViolatingReplyNeverLeavesEvenWhenEveryFallbackBreaksToo() {
		Rule strict = rule("strict", "x", RuleScope.GLOBAL, null, List.of("response == \"exactly this\""),
				new Template("a fallback that breaks the rule", TemplateMode.FALLBACK));

		EnforcementResult result = this.enforcer.enforce("a draft", this.context, constraints(strict),
				(violations, attempt) -> "another draft", new Remediation(1, "agent text also breaks", Map.of()));

		assertThat(result.source()).isEqualTo(Source.SAFE_REPLY);
		assertThat(result.response()).isEqualTo(Remediation.SAFE_REPLY);
	}

	@Test
	void anEvaluationErrorCountsAsAViolation() {
		Rule broken = rule("broken", "x", RuleScope.GLOBAL, null, List.of("variables.missing == \"x\""), null);

		List<Violation> violations = this.enforcer.check("anything", this.context, constraints(broken));

		assertThat(violations).singleElement().satisfies((v) -> assertThat(v.message()).contains("counts as broken"));
	}

	@Test
	void appliesGlobalRulesAlwaysAndScopedRulesOnlyWhileActive() {
		Rule global = rule("g", "x", RuleScope.GLOBAL, null, List.of("true"), null);
		Rule inScenario = rule("s", "x", RuleScope.SCENARIO, "returns", List.of("true"), null);
		Rule inStep = rule("t", "x", RuleScope.STEP, "ask_order", List.of("true"), null);
		List<Rule> rules = List.of(global, inScenario, inStep);

		List<Constraint> idle = ApplicableConstraints.of(rules, null, null);
		List<Constraint> active = ApplicableConstraints.of(rules, "returns", "ask_order");
		List<Constraint> otherStep = ApplicableConstraints.of(rules, "returns", "confirm");

		assertThat(idle).extracting(Constraint::ruleId).containsExactly("g");
		assertThat(active).extracting(Constraint::ruleId).containsExactly("g", "s", "t");
		assertThat(otherStep).extracting(Constraint::ruleId).containsExactly("g", "s");
	}

	@Test
	void aFailingJudgeCountsAsAPass() {
		Enforcer judged = Enforcer.create(Expressions.create(), ConstraintJudge.of((request) -> {
			throw new io.ruche.brain.port.ModelUnavailableException("down");
		}));
		List<Constraint> constraints = ApplicableConstraints
			.judged(List.of(rule("polite", "tone", RuleScope.GLOBAL, null, List.of(), null)));

		List<Violation> violations = judged.check("anything", this.context, constraints);

		assertThat(violations).isEmpty();
	}

	@Test
	void aJudgeFailureIsAViolationWithItsReason() {
		Enforcer judged = Enforcer.create(Expressions.create(),
				ConstraintJudge.of((request) -> new io.ruche.brain.port.ModelReply("FAIL: too rude", 1, 1)));
		List<Constraint> constraints = ApplicableConstraints
			.judged(List.of(rule("polite", "tone", RuleScope.GLOBAL, null, List.of(), null)));

		List<Violation> violations = judged.check("anything", this.context, constraints);

		assertThat(violations).singleElement().extracting(Violation::message).isEqualTo("too rude");
	}

	@Test
	void judgesEveryNaturalLanguageRuleOfADraftInOneCall() {
		List<String> prompts = new ArrayList<>();
		Enforcer judged = Enforcer.create(Expressions.create(), ConstraintJudge.of((request) -> {
			prompts.add(request.messages().get(0).content());
			return new io.ruche.brain.port.ModelReply("1: PASS\n2: FAIL: mentions a competitor\n", 1, 1);
		}));
		List<Constraint> constraints = ApplicableConstraints
			.judged(List.of(rule("polite", "tone", RuleScope.GLOBAL, null, List.of(), null),
					rule("loyal", "competitors", RuleScope.GLOBAL, null, List.of(), null),
					rule("brief", "length", RuleScope.GLOBAL, null, List.of(), null)));

		List<Violation> violations = judged.check("Try ShopMart instead", this.context, constraints);

		assertThat(prompts).singleElement().asString().contains("1. ", "2. ", "3. ", "Try ShopMart instead");
		assertThat(violations).singleElement().satisfies((v) -> {
			assertThat(v.ruleId()).isEqualTo("loyal");
			assertThat(v.message()).isEqualTo("mentions a competitor");
		});
	}

	private static List<Constraint> constraints(Rule... rules) {
		return ApplicableConstraints.of(List.of(rules), null, null);
	}

}
