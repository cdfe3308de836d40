package io.ruche.brain.scenario;

import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.Names;
import io.ruche.brain.model.SettingValues;

/**
 * Thresholds of scenario navigation. The defaults are calibrated for all-MiniLM-L6-v2,
 * where off-topic messages score at most about 0.17 (docs/brain.md, Rule selection and
 * thresholds); the measurements behind the leave and switch defaults are in
 * {@code docs/brain.md} too.
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
 * @param switchMargin how far another scenario's entry similarity must lead the best the
 * active scenario offers for the session to switch to it
 * @param exitThreshold the least similarity between the message and a plain-language exit
 * condition that leaves the scenario
 * @param cancelIntent whether the built-in cancel intent leaves the scenario
 * @param cancelThreshold the least similarity to the cancel intent that leaves it
 * @param resumeThreshold the least entry-condition similarity that resumes a scenario
 * left unfinished, lower than the entry threshold since the conversation was in it
 * @param loopWindow the loop guard across turns: this many turns in a row that only cycle
 * between the same steps of a scenario, with no field added or changed, exit it
 */
public record NavigationSettings(double entryThreshold, double transitionThreshold, double transitionMargin,
		int maxMovesPerTurn, double relocalizationThreshold, double relocalizationMargin, int relocalizationHops,
		double switchMargin, double exitThreshold, boolean cancelIntent, double cancelThreshold, double resumeThreshold,
		int loopWindow) {

	public static final NavigationSettings DEFAULTS = new NavigationSettings(0.35, 0.35, 0.05, 3, 0.25, 0.1, 3, 0.1,
			0.5, true, 0.5, 0.3, 4);

	/** The agent settings this record reads. */
	public static final Set<String> KEYS = Set.of("scenario.entry_threshold", "scenario.transition_threshold",
			"scenario.transition_margin", "scenario.max_moves_per_turn", "scenario.relocalization_threshold",
			"scenario.relocalization_margin", "scenario.relocalization_hops", "scenario.switch_margin",
			"scenario.exit_threshold", "scenario.cancel_intent", "scenario.cancel_threshold",
			"scenario.resume_threshold", "scenario.loop_window");

	public NavigationSettings {
		if (maxMovesPerTurn < 1) {
			throw new IllegalArgumentException("max moves per turn must be at least 1");
		}
		if (relocalizationHops < 0) {
			throw new IllegalArgumentException("relocalization hops must not be negative");
		}
		if (loopWindow < 2) {
			throw new IllegalArgumentException("the loop window must be at least 2 turns");
		}
	}

	/**
	 * Reads overrides from an agent's extra settings: {@code scenario.entry_threshold},
	 * {@code scenario.transition_threshold}, {@code scenario.transition_margin},
	 * {@code scenario.max_moves_per_turn}, {@code scenario.relocalization_threshold},
	 * {@code scenario.relocalization_margin}, {@code scenario.relocalization_hops},
	 * {@code scenario.switch_margin}, {@code scenario.exit_threshold},
	 * {@code scenario.cancel_intent}, {@code scenario.cancel_threshold},
	 * {@code scenario.resume_threshold}, {@code scenario.loop_window}.
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
				(int) number(extra, "scenario.relocalization_hops", DEFAULTS.relocalizationHops),
				number(extra, "scenario.switch_margin", DEFAULTS.switchMargin),
				number(extra, "scenario.exit_threshold", DEFAULTS.exitThreshold),
				flag(extra, "scenario.cancel_intent", DEFAULTS.cancelIntent),
				number(extra, "scenario.cancel_threshold", DEFAULTS.cancelThreshold),
				number(extra, "scenario.resume_threshold", DEFAULTS.resumeThreshold),
				SettingValues.integer(extra, "scenario.loop_window", DEFAULTS.loopWindow));
	}

	private static boolean flag(Map<String, String> extra, String key, boolean fallback) {
		String value = extra.get(key);
		if (value == null) {
			return fallback;
		}
		return switch (value.trim()) {
			case "true" -> true;
			case "false" -> false;
			default ->
				throw new IllegalArgumentException(key + " must be true or false, was '" + Names.shown(value) + "'");
		};
	}

	private static double number(Map<String, String> extra, String key, double fallback) {
		return SettingValues.number(extra, key, fallback);
	}

}
