package io.ruche.brain.configuration;

import java.util.Optional;

/**
 * Checks a CEL expression before it is stored.
 */
@FunctionalInterface
public interface ExpressionValidator {

	/**
	 * Checks an expression.
	 * @param expression the CEL source
	 * @param use where it will be evaluated, which decides the variables it may use
	 * @return the parser's or checker's message when the expression is invalid, else
	 * empty
	 */
	Optional<String> problem(String expression, Use use);

	/**
	 * Where an expression is evaluated.
	 */
	enum Use {

		/**
		 * A hard constraint on a reply: {@code response}, {@code message},
		 * {@code variables}, {@code interlocutor}.
		 */
		CONSTRAINT,
		/**
		 * A scenario transition: {@code message}, {@code variables},
		 * {@code interlocutor}.
		 */
		TRANSITION

	}

}
