package io.ruche.brain.expression;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The values an expression sees.
 *
 * @param message the interlocutor's message
 * @param response the draft reply; null for transitions, where it is not declared
 * @param variables the session's collected fields
 * @param interlocutor the interlocutor's profile fields
 */
public record ExpressionInput(String message, @Nullable String response, Map<String, String> variables,
		Map<String, String> interlocutor) {

	public ExpressionInput {
		variables = Map.copyOf(variables);
		interlocutor = Map.copyOf(interlocutor);
	}

	public static ExpressionInput forTransition(String message, Map<String, String> variables,
			Map<String, String> interlocutor) {
		return new ExpressionInput(message, null, variables, interlocutor);
	}

	public ExpressionInput withResponse(String draft) {
		return new ExpressionInput(this.message, draft, this.variables, this.interlocutor);
	}

}
