package io.ruche.brain.enforce;

import java.util.List;

import io.ruche.brain.enforce.internal.DefaultEnforcer;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.Expressions;
import org.jspecify.annotations.Nullable;

/**
 * Checks drafts against constraints and remediates: regenerate with the violations fed
 * back, then the FALLBACK template of a broken rule, else the agent's fallback text, else
 * {@link Remediation#SAFE_REPLY}. A fallback that itself breaks a constraint is skipped,
 * so a violating reply never leaves (only the fixed safe reply is sent unchecked).
 */
public interface Enforcer {

	/**
	 * Creates an enforcer.
	 * @param expressions evaluates lane-1 constraints
	 * @param judge the lane-2 judge, or null to skip lane 2
	 * @return a thread-safe enforcer, never null
	 */
	static Enforcer create(Expressions expressions, @Nullable ConstraintJudge judge) {
		return new DefaultEnforcer(expressions, judge);
	}

	/**
	 * Checks one draft.
	 * @param draft the draft reply
	 * @param context the message, variables and interlocutor fields
	 * @param constraints the constraints that apply
	 * @return the violations, empty when the draft passes; never null
	 */
	List<Violation> check(String draft, ExpressionInput context, List<Constraint> constraints);

	/**
	 * Checks a draft and remediates until a reply may leave.
	 * @param draft the first draft
	 * @param context the message, variables and interlocutor fields
	 * @param constraints the constraints that apply
	 * @param regenerator makes new drafts
	 * @param remediation limits and fallbacks
	 * @return the reply to send, never null
	 */
	EnforcementResult enforce(String draft, ExpressionInput context, List<Constraint> constraints,
			Regenerator regenerator, Remediation remediation);

}
