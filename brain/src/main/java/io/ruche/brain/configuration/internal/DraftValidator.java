package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.ExpressionValidator;
import io.ruche.brain.configuration.ExpressionValidator.Use;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.ExitCondition;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Names;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ToolActivations;
import io.ruche.brain.scenario.FieldExtraction;
import io.ruche.kernel.model.TenantId;

/**
 * Collects every problem of a draft, so that one refusal tells the editor everything to
 * fix.
 */
final class DraftValidator {

	private final ExpressionValidator expressions;

	private final ToolActivations tools;

	private final ContentChecks content;

	DraftValidator(ExpressionValidator expressions, ToolActivations tools, ContentLimits limits) {
		this.expressions = expressions;
		this.tools = tools;
		this.content = new ContentChecks(limits);
	}

	/** The problems of an agent draft. */
	List<String> agentProblems(AgentDraft draft) {
		List<String> problems = new ArrayList<>();
		checkName(problems, "agent name", draft.name());
		problems.addAll(this.content.agentProblems(draft));
		String prefix = "agent '" + Names.shown(draft.name()) + "': ";
		if (draft.settings() != null) {
			problems.addAll(TurnSettingsChecks.problems(prefix, draft.settings().extra()));
		}
		List<FieldSpec> fields = Objects.requireNonNullElse(draft.fields(), List.of());
		List<String> names = fields.stream().map(FieldSpec::name).toList();
		if (names.stream().distinct().count() != names.size()) {
			problems.add(prefix + "field names must be unique, got " + names);
		}
		for (FieldSpec field : fields) {
			FieldExtraction.problem(field).ifPresent((p) -> problems.add(prefix + p));
		}
		return problems;
	}

	/**
	 * The problems of a rule draft.
	 * @param ruleExists whether the agent (or the document being imported) has a rule of
	 * that name, for the draft's relations
	 */
	List<String> ruleProblems(TenantId tenant, RuleDraft draft, List<Scenario> scenarios,
			Predicate<String> ruleExists) {
		List<String> problems = new ArrayList<>();
		String prefix = "rule '" + Names.shown(draft.name()) + "': ";
		checkName(problems, "rule name", draft.name());
		problems.addAll(this.content.ruleProblems(draft));
		if (draft.priority() < -100 || draft.priority() > 100) {
			problems.add(prefix + "priority must be between -100 and 100, was " + draft.priority());
		}
		RuleScope scope = draft.content().scope();
		String scopeRef = draft.content().scopeRef();
		if (scope != RuleScope.GLOBAL && scopeRef != null
				&& ScopeReferences.resolve(scope, scopeRef, scenarios).isEmpty()) {
			problems.add(prefix + "scope_ref '" + Names.shown(scopeRef) + "' matches no " + scope.wireName()
					+ " of the agent: give " + ScopeReferences.describe(scope));
		}
		for (String constraint : draft.content().constraints().stream().filter(this.content::fitsText).toList()) {
			this.expressions.problem(constraint, Use.CONSTRAINT)
				.ifPresent((p) -> problems.add(prefix + "invalid constraint `" + constraint + "`: " + p));
		}
		for (String tool : draft.content().tools()) {
			if (!this.tools.exists(tenant, tool)) {
				problems.add(prefix + "tool '" + Names.shown(tool)
						+ "' is not registered in this tenant (register it with tool_register)");
			}
		}
		for (Relation relation : draft.content().relations()) {
			String kind = relation.kind().wireName();
			if (relation.rule().equals(draft.name())) {
				problems.add(prefix + kind + " names the rule itself");
			}
			else if (!ruleExists.test(relation.rule())) {
				problems.add(prefix + kind + " names '" + relation.rule()
						+ "', which is not a rule of this agent: create that rule first, or fix the name");
			}
		}
		return problems;
	}

	List<String> scenarioProblems(TenantId tenant, ScenarioDraft draft) {
		List<String> problems = new ArrayList<>();
		String prefix = "scenario '" + Names.shown(draft.name()) + "': ";
		checkName(problems, "scenario name", draft.name());
		problems.addAll(this.content.scenarioProblems(draft));
		if (draft.entryCondition().isBlank()) {
			problems.add(prefix + "entry_condition must not be blank");
		}
		if (draft.steps().isEmpty()) {
			problems.add(prefix + "needs at least one step");
		}
		List<String> stepIds = draft.steps().stream().map(ScenarioStep::id).toList();
		if (draft.entryStep() != null && !stepIds.contains(draft.entryStep())) {
			problems.add(prefix + "entry_step '" + draft.entryStep() + "' is not one of its steps " + stepIds);
		}
		if (stepIds.stream().distinct().count() != stepIds.size()) {
			problems.add(prefix + "step ids must be unique, got " + stepIds);
		}
		checkExitConditions(problems, prefix, draft.exitConditions());
		for (ScenarioStep step : draft.steps()) {
			checkExitConditions(problems, prefix + "step '" + step.id() + "': ", step.exitConditions());
			for (Transition transition : step.transitions()) {
				if (!stepIds.contains(transition.to())) {
					problems.add(prefix + "step '" + step.id() + "' has a transition to unknown step '"
							+ Names.shown(transition.to()) + "' (steps: " + stepIds + ")");
				}
				if (transition.condition() != null && this.content.fitsText(transition.condition())) {
					this.expressions.problem(transition.condition(), Use.TRANSITION)
						.ifPresent((p) -> problems.add(prefix + "step '" + step.id()
								+ "': invalid transition condition `" + transition.condition() + "`: " + p));
				}
			}
			for (FieldSpec field : step.collects()) {
				FieldExtraction.problem(field)
					.ifPresent((p) -> problems.add(prefix + "step '" + step.id() + "': " + p));
			}
			for (String tool : step.tools()) {
				if (!this.tools.exists(tenant, tool)) {
					problems.add(prefix + "step '" + step.id() + "': tool '" + Names.shown(tool)
							+ "' is not registered in this tenant");
				}
			}
		}
		return problems;
	}

	// Only texts that read as CEL are compiled; the message says so, since a
	// plain-language
	// condition with an operator in it reads as CEL too.
	private void checkExitConditions(List<String> problems, String prefix, List<String> conditions) {
		for (String condition : conditions) {
			if (condition.isBlank()) {
				problems.add(prefix + "exit_conditions must not hold a blank condition");
			}
			else if (ExitCondition.of(condition) instanceof ExitCondition.Cel && this.content.fitsText(condition)) {
				this.expressions.problem(condition, Use.TRANSITION)
					.ifPresent((p) -> problems.add(prefix + "invalid exit condition `" + condition
							+ "` (read as CEL, for it uses CEL syntax): " + p));
			}
		}
	}

	private static void checkName(List<String> problems, String what, String name) {
		try {
			Names.check(what, name);
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
		}
	}

}
