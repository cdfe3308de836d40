package io.ruche.brain.model;

import org.jspecify.annotations.Nullable;

/**
 * A way from one step to another. At least one of {@code condition} and {@code when} is
 * given.
 *
 * @param to the target step id
 * @param condition a CEL expression over {@code message}, {@code variables} and
 * {@code interlocutor}, or null
 * @param when a natural-language condition matched by meaning against the message, or
 * null
 */
public record Transition(String to, @Nullable String condition, @Nullable String when) {

	public Transition {
		if (isBlank(condition) && isBlank(when)) {
			throw new IllegalArgumentException("transition to '" + to + "' needs a condition (CEL) or a when (text)");
		}
		condition = isBlank(condition) ? null : condition;
		when = isBlank(when) ? null : when;
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
