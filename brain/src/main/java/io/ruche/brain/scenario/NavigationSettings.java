package io.ruche.brain.scenario;

import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.SettingValues;

/**
 * Thresholds of scenario navigation. The defaults are calibrated for all-MiniLM-L6-v2,
 * where off-topic messages score at most about 0.17 (docs/brain.md, Rule selection and
 * thresholds).
 *
 * @param entryThreshold the least entry-condition similarity that starts a scenario
 * @param transitionThreshold the least similarity for a natural-language transition
 * @param transitionMargin how far the best natural-language transition must lead the
 * runner-up
 * @param maxMovesPerTurn the loop guard: most moves in one turn
 * @param relocalizationThreshold the least similarity between the message and another
 * step's description that moves the conversation there
 * @param relocalizationMargin how far that step must lead the current step
 * @param relocalizationHops how far (in transitions, either way) a relocalization target
 * may be from the current step, unless it is reachable from anywhere
 */
public record NavigationSettings(double entryThreshold, double transitionThreshold, double transitionMargin,
		int maxMovesPerTurn, double relocalizationThreshold, double relocalizationMargin, int relocalizationHops) {

	public static final NavigationSettings DEFAULTS = new NavigationSettings(0.35, 0.35, 0.05, 3, 0.25, 0.1, 3);

	/** The agent settings this record reads. */
	public static final Set<String> KEYS = Set.of("scenario.entry_threshold", "scenario.transition_threshold",
			"scenario.transition_margin", "scenario.max_moves_per_turn", "scenario.relocalization_threshold",
			"scenario.relocalization_margin", "scenario.relocalization_hops");

	public NavigationSettings {
		if (maxMovesPerTurn < 1) {
			throw new IllegalArgumentException("max moves per turn must be at least 1");
		}
		if (relocalizationHops < 0) {
			throw new IllegalArgumentException("relocalization hops must not be negative");
		}
	}

	/**
	 * Reads overrides from an agent's extra settings: {@code scenario.entry_threshold},
	 * {@code scenario.transition_threshold}, {@code scenario.transition_margin},
	 * {@code scenario.max_moves_per_turn}, {@code scenario.relocalization_threshold},
	 * {@code scenario.relocalization_margin}, {@code scenario.relocalization_hops}.
	 * @param extra the settings by name
	 * @return the settings
	 */
	public static NavigationSettings from(Map<String, String> extra) {
		return new NavigationSettings(number(extra, "scenario.entry_threshold", DEFAULTS.entryThreshold),
				number(extra, "scenario.transition_threshold", DEFAULTS.transitionThreshold),
				number(extra, "scenario.transition_margin", DEFAULTS.transitionMargin),
				(int) number(extra, "scenario.max_moves_per_turn", DEFAULTS.maxMovesPerTurn),
				number(extra, "scenario.relocalization_threshold", DEFAULTS.relocalizationThreshold),
				number(extra, "scenario.relocalization_margin", DEFAULTS.relocalizationMargin),
				(int) number(extra, "scenario.relocalization_hops", DEFAULTS.relocalizationHops));
	}

	private static double number(Map<String, String> extra, String key, double fallback) {
		return SettingValues.number(extra, key, fallback);
	}

}
