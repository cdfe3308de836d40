package io.ruche.brain.model;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * A field a step collects.
 *
 * @param name the variable name, {@code [a-z_][a-z0-9_]*}
 * @param description what the field holds (guides extraction by a model)
 * @param pattern a regular expression with at most one group that fills the field from a
 * message, or null
 * @param required whether the step needs the field before the scenario may move on
 * @param personal whether the value is personal data (masked in logs, never sent to a
 * model)
 */
public record FieldSpec(String name, String description, @Nullable String pattern, boolean required, boolean personal) {

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,49}");

	public FieldSpec {
		if (!FIELD_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("field name '" + name
					+ "' is invalid: use lowercase letters, digits and _, starting with a letter or _");
		}
		if (pattern != null) {
			try {
				int groups = Pattern.compile(pattern).matcher("").groupCount();
				if (groups > 1) {
					throw new IllegalArgumentException(
							"field '" + name + "': pattern must have at most one group, has " + groups);
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("field '" + name + "': invalid pattern: " + ex.getDescription()
						+ " near index " + ex.getIndex());
			}
		}
	}

}
