package io.ruche.brain.model;

import java.util.Map;

/**
 * Reads numbers from an agent's free-form settings, naming the setting when a value is
 * malformed.
 */
public final class SettingValues {

	private SettingValues() {
	}

	/**
	 * A decimal setting.
	 * @param settings the agent's settings
	 * @param key the setting
	 * @param fallback the value when the setting is absent
	 * @return the value
	 * @throws IllegalArgumentException naming the setting when it is not a number
	 */
	public static double number(Map<String, String> settings, String key, double fallback) {
		String value = settings.get(key);
		if (value == null) {
			return fallback;
		}
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + " must be a number, was '" + Names.shown(value) + "'", ex);
		}
	}

	/**
	 * A whole-number setting.
	 * @param settings the agent's settings
	 * @param key the setting
	 * @param fallback the value when the setting is absent
	 * @return the value
	 * @throws IllegalArgumentException naming the setting when it is not a whole number
	 */
	public static int integer(Map<String, String> settings, String key, int fallback) {
		String value = settings.get(key);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + " must be a whole number, was '" + Names.shown(value) + "'", ex);
		}
	}

}
