package io.ruche.brain.enforce.internal;

import java.util.ArrayList;
import java.util.List;

import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.ConstraintJudge;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.enforce.EnforcementResult.Source;
import io.ruche.brain.enforce.Enforcer;
import io.ruche.brain.enforce.Regenerator;
import io.ruche.brain.enforce.Remediation;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.ExpressionResult;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Template;
import io.ruche.brain.template.Templates;
import org.jspecify.annotations.Nullable;

/**
 * The enforcer described on {@link Enforcer}.
 */
public final class DefaultEnforcer implements Enforcer {

	private final Expressions expressions;

	private final @Nullable ConstraintJudge judge;

	public DefaultEnforcer(Expressions expressions, @Nullable ConstraintJudge judge) {
		this.expressions = expressions;
		this.judge = judge;
	}

	@Override
	public List<Violation> check(String draft, ExpressionInput context, List<Constraint> constraints) {
		return checkCounting(draft, context, constraints).violations();
	}

	@Override
	public EnforcementResult enforce(String draft, ExpressionInput context, List<Constraint> constraints,
			Regenerator regenerator, Remediation remediation) {
		Checked checked = checkCounting(draft, context, constraints);
		int judgeCalls = checked.judgeCalls();
		int regenerations = 0;
		while (!checked.violations().isEmpty() && regenerations < remediation.maxRegenerations()) {
			String next = regenerator.regenerate(checked.violations(), regenerations + 1);
			if (next == null) {
				break;
			}
			regenerations++;
			Checked again = checkCounting(next, context, constraints);
			judgeCalls += again.judgeCalls();
			if (again.violations().isEmpty()) {
				return new EnforcementResult(next, true, checked.violations(), regenerations, Source.DRAFT, judgeCalls);
			}
			checked = again;
		}
		if (checked.violations().isEmpty()) {
			return new EnforcementResult(draft, true, List.of(), 0, Source.DRAFT, judgeCalls);
		}
		return fallback(checked.violations(), context, constraints, remediation, regenerations, judgeCalls);
	}

	private EnforcementResult fallback(List<Violation> violations, ExpressionInput context,
			List<Constraint> constraints, Remediation remediation, int regenerations, int judgeCalls) {
		for (Violation violation : violations) {
			Template template = fallbackOf(violation.ruleId(), constraints);
			if (template != null) {
				String text = Templates.render(template.text(), remediation.templateValues());
				if (passesExpressions(text, context, constraints)) {
					return new EnforcementResult(text, false, violations, regenerations, Source.RULE_FALLBACK,
							judgeCalls);
				}
			}
		}
		String agentText = remediation.agentFallback();
		if (agentText != null && !agentText.isBlank()) {
			String text = Templates.render(agentText, remediation.templateValues());
			if (passesExpressions(text, context, constraints)) {
				return new EnforcementResult(text, false, violations, regenerations, Source.AGENT_FALLBACK, judgeCalls);
			}
		}
		return new EnforcementResult(Remediation.SAFE_REPLY, false, violations, regenerations, Source.SAFE_REPLY,
				judgeCalls);
	}

	private static @Nullable Template fallbackOf(String ruleId, List<Constraint> constraints) {
		for (Constraint constraint : constraints) {
			if (constraint.ruleId().equals(ruleId) && constraint.fallback() != null) {
				return constraint.fallback();
			}
		}
		return null;
	}

	// Fallbacks are fixed texts written by people, so only lane 1 re-checks them.
	private boolean passesExpressions(String text, ExpressionInput context, List<Constraint> constraints) {
		List<Constraint> expressions = constraints.stream().filter(Constraint.Expression.class::isInstance).toList();
		return checkCounting(text, context, expressions).violations().isEmpty();
	}

	private Checked checkCounting(String draft, ExpressionInput context, List<Constraint> constraints) {
		ExpressionInput input = context.withResponse(draft);
		List<Violation> violations = new ArrayList<>();
		List<Constraint.Judged> judged = new ArrayList<>();
		for (Constraint constraint : constraints) {
			switch (constraint) {
				case Constraint.Expression e -> {
					ExpressionResult result = this.expressions.evaluate(e.expression(), ExpressionKind.CONSTRAINT,
							input);
					String message = switch (result) {
						case ExpressionResult.True t -> null;
						case ExpressionResult.False f -> "the reply breaks: " + e.expression();
						case ExpressionResult.Error err -> "could not be checked (counts as broken): " + err.message();
					};
					if (message != null) {
						violations.add(new Violation(e.ruleId(), e.ruleName(), e.expression(), message));
					}
				}
				case Constraint.Judged j -> judged.add(j);
			}
		}
		if (this.judge == null || judged.isEmpty()) {
			return new Checked(violations, 0);
		}
		violations.addAll(this.judge.violations(draft, judged));
		return new Checked(violations, 1);
	}

	private record Checked(List<Violation> violations, int judgeCalls) {
	}

}
