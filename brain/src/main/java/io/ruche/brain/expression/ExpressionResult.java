package io.ruche.brain.expression;

/**
 * The outcome of evaluating a boolean expression. Evaluation never throws: a missing map
 * key, a bad regular expression or an exceeded limit is an {@link Error}, which callers
 * treat fail-closed (a constraint counts as broken, a transition is not taken).
 */
public sealed interface ExpressionResult {

	/**
	 * The expression holds.
	 */
	record True() implements ExpressionResult {
	}

	/**
	 * The expression does not hold.
	 */
	record False() implements ExpressionResult {
	}

	/**
	 * The expression could not be evaluated.
	 *
	 * @param message why, fit to show in a trace
	 */
	record Error(String message) implements ExpressionResult {
	}

	default boolean isTrue() {
		return this instanceof True;
	}

}
