package io.ruche.brain.selection;

import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.SettingValues;

/**
 * How an agent's rules are selected after scoring. Scenario entry is not a selection: the
 * best entry condition at or above {@code scenario.entry_threshold} starts its scenario
 * (see {@link io.ruche.brain.scenario.NavigationSettings}).
 *
 * @param rules how rules are selected
 */
public record SelectionSettings(SelectionConfig rules) {

	public static final SelectionSettings DEFAULTS = new SelectionSettings(SelectionConfig.RULES);

	private static final String PREFIX = "selection.rules.";

	/** The agent settings this record reads. */
	public static final Set<String> KEYS = Set.of(PREFIX + "strategy", PREFIX + "min_score", PREFIX + "floor",
			PREFIX + "relative_cut", PREFIX + "max_k");

	/**
	 * Reads overrides from an agent's extra settings: {@code selection.rules.strategy},
	 * {@code .floor}, {@code .relative_cut}, {@code .max_k} and {@code .min_score} (the
	 * strategy's own minimum).
	 * @param extra the settings by name
	 * @return the settings, defaults where nothing is given
	 * @throws IllegalArgumentException when a value is malformed
	 */
	public static SelectionSettings from(Map<String, String> extra) {
		return new SelectionSettings(read(extra, SelectionConfig.RULES));
	}

	private static SelectionConfig read(Map<String, String> extra, SelectionConfig base) {
		String prefix = PREFIX;
		SelectionConfig config = base;
		String strategy = extra.get(prefix + "strategy");
		if (strategy != null) {
			config = config.withStrategy(SelectionStrategy.named(strategy).withMinScore(0));
		}
		if (extra.containsKey(prefix + "min_score")) {
			config = config
				.withStrategy(config.strategy().withMinScore(SettingValues.number(extra, prefix + "min_score", 0)));
		}
		config = config.withFloor(SettingValues.number(extra, prefix + "floor", config.floor()));
		config = config.withRelativeCut(SettingValues.number(extra, prefix + "relative_cut", config.relativeCut()));
		return config.withMaxK(SettingValues.integer(extra, prefix + "max_k", config.maxK()));
	}

}
