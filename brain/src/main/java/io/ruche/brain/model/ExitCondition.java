package io.ruche.brain.model;

import java.util.regex.Pattern;

/**
 * One of the {@code exit_conditions} of a scenario or step. Written as plain strings,
 * each is read as CEL when it uses CEL syntax: a comparison or logical operator
 * ({@code ==}, {@code !=}, {@code <=}, {@code >=}, {@code &&}, {@code ||}), a call of
 * {@code has(} or {@code size(}, one of the variables {@code message}, {@code variables}
 * or {@code interlocutor} followed by {@code .name} or {@code [}, or the literal
 * {@code true} or {@code false}. Anything else is plain language, matched by meaning.
 */
public sealed interface ExitCondition {

	/** What reads as CEL; prose rarely has any of it. */
	Pattern CEL_SYNTAX = Pattern
		.compile("==|!=|<=|>=|&&|\\|\\||\\b(?:has|size)\\(|\\b(?:message|variables|interlocutor)(?:\\.[A-Za-z_]|\\[)"
				+ "|^\\s*(?:true|false)\\s*$");

	/**
	 * The condition as written.
	 * @return the text
	 */
	String text();

	/**
	 * Reads a condition.
	 * @param text the condition as written
	 * @return a {@link Cel} or a {@link Meaning} condition
	 */
	static ExitCondition of(String text) {
		return CEL_SYNTAX.matcher(text).find() ? new Cel(text) : new Meaning(text);
	}

	/**
	 * A CEL expression, evaluated like a transition condition.
	 *
	 * @param text the expression
	 */
	record Cel(String text) implements ExitCondition {
	}

	/**
	 * A plain-language condition, matched by meaning against the message.
	 *
	 * @param text the condition
	 */
	record Meaning(String text) implements ExitCondition {
	}

}
