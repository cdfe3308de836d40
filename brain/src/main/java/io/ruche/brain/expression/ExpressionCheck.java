package io.ruche.brain.expression;

/**
 * Whether an expression compiles to a boolean over the variables of its kind.
 */
public sealed interface ExpressionCheck {

	/**
	 * The expression is usable.
	 */
	record Valid() implements ExpressionCheck {
	}

	/**
	 * The expression is not usable.
	 *
	 * @param message the parser's or checker's message, fit to show to the author as is
	 */
	record Invalid(String message) implements ExpressionCheck {
	}

}
