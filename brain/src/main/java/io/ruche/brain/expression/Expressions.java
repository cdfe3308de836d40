package io.ruche.brain.expression;

import io.ruche.brain.expression.internal.CelExpressions;

/**
 * Checks and evaluates CEL (Common Expression Language) expressions over a conversation.
 * <p>
 * Declared variables: {@code message} (string), {@code variables} and
 * {@code interlocutor} ({@code map(string, dyn)}), and for
 * {@link ExpressionKind#CONSTRAINT} also {@code response} (string).
 * {@code has(variables.x)} tests whether a field was collected. Every expression must be
 * boolean. Compiled programs are cached; instances are thread-safe.
 */
public interface Expressions {

	/**
	 * Creates an evaluator with the default limits.
	 * @return a thread-safe evaluator, never null
	 */
	static Expressions create() {
		return CelExpressions.create(ExpressionLimits.DEFAULTS);
	}

	/**
	 * Creates an evaluator with the given limits.
	 * @param limits the limits
	 * @return a thread-safe evaluator, never null
	 */
	static Expressions create(ExpressionLimits limits) {
		return CelExpressions.create(limits);
	}

	/**
	 * Checks an expression, as at upsert time.
	 * @param source the expression text
	 * @param kind what it is for
	 * @return {@link ExpressionCheck.Valid} or {@link ExpressionCheck.Invalid} with the
	 * parser's or checker's message; never null, never throws
	 */
	ExpressionCheck check(String source, ExpressionKind kind);

	/**
	 * Evaluates an expression; an invalid one yields an {@link ExpressionResult.Error}.
	 * @param source the expression text
	 * @param kind what it is for
	 * @param input the values
	 * @return the result; never null, never throws
	 */
	ExpressionResult evaluate(String source, ExpressionKind kind, ExpressionInput input);

}
