package io.ruche.brain.model;

import java.util.Locale;

/**
 * How a template is used: sent as is, adapted by the model, or kept for when generation
 * fails.
 */
public enum TemplateMode {

	EXCLUSIVE, SUGGEST, FALLBACK;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code exclusive}, {@code suggest} or {@code fallback}, case-insensitively.
	 * @param name the name
	 * @return the mode
	 */
	public static TemplateMode parse(String name) {
		for (TemplateMode mode : values()) {
			if (mode.name().equalsIgnoreCase(name.trim())) {
				return mode;
			}
		}
		throw new IllegalArgumentException(
				"unknown template mode '" + name + "': expected exclusive, suggest or fallback");
	}

}
