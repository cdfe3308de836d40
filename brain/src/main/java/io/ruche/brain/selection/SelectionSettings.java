package io.ruche.brain.selection;

import java.util.Map;

/**
 * Selection per object type.
 *
 * @param rules how rules are selected
 * @param scenarios how scenario entries are selected
 */
public record SelectionSettings(SelectionConfig rules, SelectionConfig scenarios) {

	public static final SelectionSettings DEFAULTS = new SelectionSettings(SelectionConfig.RULES,
			SelectionConfig.SCENARIOS);

	/**
	 * Reads overrides from an agent's extra settings: {@code selection.<type>.strategy},
	 * {@code .floor}, {@code .relative_cut}, {@code .max_k} and {@code .min_score} (the
	 * strategy's own minimum), where type is {@code rules} or {@code scenarios}.
	 * @param extra the settings by name
	 * @return the settings, defaults where nothing is given
	 * @throws IllegalArgumentException when a value is malformed
	 */
	public static SelectionSettings from(Map<String, String> extra) {
		return new SelectionSettings(read(extra, "rules", SelectionConfig.RULES),
				read(extra, "scenarios", SelectionConfig.SCENARIOS));
	}

	private static SelectionConfig read(Map<String, String> extra, String type, SelectionConfig base) {
		String prefix = "selection." + type + ".";
		SelectionConfig config = base;
		String strategy = extra.get(prefix + "strategy");
		if (strategy != null) {
			config = config.withStrategy(SelectionStrategy.named(strategy).withMinScore(0));
		}
		String minScore = extra.get(prefix + "min_score");
		if (minScore != null) {
			config = config.withStrategy(config.strategy().withMinScore(Double.parseDouble(minScore)));
		}
		String floor = extra.get(prefix + "floor");
		if (floor != null) {
			config = config.withFloor(Double.parseDouble(floor));
		}
		String relativeCut = extra.get(prefix + "relative_cut");
		if (relativeCut != null) {
			config = config.withRelativeCut(Double.parseDouble(relativeCut));
		}
		String maxK = extra.get(prefix + "max_k");
		if (maxK != null) {
			config = config.withMaxK(Integer.parseInt(maxK));
		}
		return config;
	}

}
