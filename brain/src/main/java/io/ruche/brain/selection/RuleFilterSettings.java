package io.ruche.brain.selection;

import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.SettingValues;

/**
 * Whether a model judges the rules that selection kept (one call per {@code converse}
 * turn, so off unless the agent opts in), and how sure a NOT_RELATED verdict must be to
 * drop a rule.
 *
 * @param enabled the agent setting {@code rule_filter} is {@code model}
 * @param threshold the setting {@code rule_filter.threshold}, between 0 and 1 (default
 * 0.7)
 */
public record RuleFilterSettings(boolean enabled, double threshold) {

	public static final RuleFilterSettings DEFAULTS = new RuleFilterSettings(false, 0.7);

	/**
	 * The agent setting that turns the filter on ({@code model}) or off ({@code off}).
	 */
	public static final String SETTING = "rule_filter";

	/** The agent setting of the confidence a NOT_RELATED verdict needs. */
	public static final String THRESHOLD_SETTING = "rule_filter.threshold";

	/** The agent settings this record reads. */
	public static final Set<String> KEYS = Set.of(SETTING, THRESHOLD_SETTING);

	public RuleFilterSettings {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException(THRESHOLD_SETTING + " must be between 0 and 1, was " + threshold);
		}
	}

	/**
	 * Reads the settings.
	 * @param extra the agent's settings by name
	 * @return the settings, defaults where nothing is given
	 * @throws IllegalArgumentException when a value is malformed
	 */
	public static RuleFilterSettings from(Map<String, String> extra) {
		String mode = extra.getOrDefault(SETTING, "off");
		if (!"model".equals(mode) && !"off".equals(mode)) {
			throw new IllegalArgumentException(SETTING + " must be 'model' or 'off', was '" + mode + "'");
		}
		return new RuleFilterSettings("model".equals(mode),
				SettingValues.number(extra, THRESHOLD_SETTING, DEFAULTS.threshold));
	}

}
