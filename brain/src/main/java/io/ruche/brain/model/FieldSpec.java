package io.ruche.brain.model;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A field a step collects.
 *
 * @param name the variable name, {@code [a-z_][a-z0-9_]*}
 * @param description what the field holds (guides extraction by a model)
 * @param pattern a regular expression with at most one group that fills the field from a
 * message, or null; checked when a scenario is written, not here, so that a pattern
 * stored before a check tightened still loads (see {@code FieldExtraction#problem})
 * @param required whether the step needs the field before the scenario may move on
 * @param personal whether the value is personal data (masked in logs, never sent to a
 * model)
 * @param profile whether the value is also written to the interlocutor's profile at the
 * end of the turn, so that a later session of the same interlocutor knows it
 */
public record FieldSpec(String name, String description, @Nullable String pattern, boolean required, boolean personal,
		boolean profile) {

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,49}");

	/** A field kept in the session only. */
	public FieldSpec(String name, String description, @Nullable String pattern, boolean required, boolean personal) {
		this(name, description, pattern, required, personal, false);
	}

	public FieldSpec {
		if (!FIELD_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("field name '" + name
					+ "' is invalid: use lowercase letters, digits and _, starting with a letter or _");
		}
	}

}
