package io.ruche.brain.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which personal fields an agent lets a model see (agent setting
 * {@code personal_fields_to_model}: field names separated by commas, none by default).
 * Every other value of a field marked {@code personal} is replaced by {@code ***} in what
 * is sent to a model, configured or sampled (docs/privacy.md).
 *
 * @param toModel the personal fields a model may see
 */
public record PersonalDataSettings(Set<String> toModel) {

	public static final String TO_MODEL = "personal_fields_to_model";

	public static final Set<String> KEYS = Set.of(TO_MODEL);

	public static final PersonalDataSettings DEFAULTS = new PersonalDataSettings(Set.of());

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,49}");

	public PersonalDataSettings {
		toModel = Set.copyOf(toModel);
	}

	/**
	 * Reads the setting from an agent's settings.
	 * @param settings the agent's settings
	 * @return the settings, none allowed when absent
	 * @throws IllegalArgumentException naming the setting when a name is not a field name
	 */
	public static PersonalDataSettings from(Map<String, String> settings) {
		String value = settings.get(TO_MODEL);
		if (value == null || value.isBlank()) {
			return DEFAULTS;
		}
		Set<String> names = new LinkedHashSet<>();
		for (String name : Arrays.stream(value.split(",")).map(String::strip).toList()) {
			if (!FIELD_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(
						TO_MODEL + " must list field names separated by commas (lowercase letters, digits and _), not '"
								+ Names.shown(name) + "'");
			}
			names.add(name);
		}
		return new PersonalDataSettings(names);
	}

}
