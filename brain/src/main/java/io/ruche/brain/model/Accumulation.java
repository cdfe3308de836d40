package io.ruche.brain.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What happens to messages of a session that arrive while one of its turns runs or waits
 * (agent settings {@code accumulation} and {@code accumulation_window}; docs/brain.md,
 * Fabric).
 *
 * @param mode how the messages of a burst are answered
 * @param window how long {@link Mode#MERGE} collects messages before their turn runs,
 * counted from the oldest message not yet answered
 */
public record Accumulation(Mode mode, Duration window) {

	public static final String MODE_KEY = "accumulation";

	public static final String WINDOW_KEY = "accumulation_window";

	public static final Set<String> KEYS = Set.of(MODE_KEY, WINDOW_KEY);

	/** The shortest merge window, in milliseconds. */
	public static final int MIN_WINDOW_MS = 50;

	/**
	 * The longest merge window, in milliseconds: a caller waits for it on every burst.
	 */
	public static final int MAX_WINDOW_MS = 10_000;

	public static final Accumulation DEFAULTS = new Accumulation(Mode.QUEUE, Duration.ofMillis(800));

	/** How the messages of a burst are answered. */
	public enum Mode {

		/** Each message gets its own turn, in arrival order. */
		QUEUE,

		/** Messages arriving within the window become one turn. */
		MERGE,

		/**
		 * A newer message cancels the running turn before it commits; the newest answers
		 * all.
		 */
		SUPERSEDE;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Reads the accumulation from an agent's settings.
	 * @param settings the agent's settings
	 * @return the accumulation, defaults for what is not set
	 * @throws IllegalArgumentException naming the setting when a value is malformed
	 */
	public static Accumulation from(Map<String, String> settings) {
		return new Accumulation(mode(settings.get(MODE_KEY)), window(settings));
	}

	private static Mode mode(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DEFAULTS.mode;
		}
		for (Mode mode : Mode.values()) {
			if (mode.wireName().equals(value.strip())) {
				return mode;
			}
		}
		throw new IllegalArgumentException(
				MODE_KEY + " must be queue, merge or supersede, was '" + Names.shown(value) + "'");
	}

	private static Duration window(Map<String, String> settings) {
		int millis = SettingValues.integer(settings, WINDOW_KEY, (int) DEFAULTS.window.toMillis());
		if (millis < MIN_WINDOW_MS || millis > MAX_WINDOW_MS) {
			throw new IllegalArgumentException(WINDOW_KEY + " must be between " + MIN_WINDOW_MS + " and "
					+ MAX_WINDOW_MS + " milliseconds, was " + millis);
		}
		return Duration.ofMillis(millis);
	}

}
