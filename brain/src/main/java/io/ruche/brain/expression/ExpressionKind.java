package io.ruche.brain.expression;

/**
 * What an expression is for, which decides the variables it may use.
 */
public enum ExpressionKind {

	/**
	 * A reply constraint: {@code response}, {@code message}, {@code variables} and
	 * {@code interlocutor}.
	 */
	CONSTRAINT,

	/**
	 * A step transition condition: {@code message}, {@code variables} and
	 * {@code interlocutor} (there is no reply yet).
	 */
	TRANSITION

}
