package io.ruche.brain.model;

import java.util.Map;

/**
 * Limits on the turns and the model tokens of a tenant or of an agent (docs/brain.md,
 * Budgets). Zero means no limit.
 *
 * @param turnsPerMinute the most turns ({@code converse} and {@code guidance}) in one
 * minute
 * @param modelTokensPerDay the most tokens (prompt and completion) of the configured
 * model in one UTC day
 */
public record Budget(long turnsPerMinute, long modelTokensPerDay) {

	/** The setting that bounds the turns of a minute. */
	public static final String TURNS_PER_MINUTE = "turns_per_minute";

	/** The setting that bounds the model tokens of a day. */
	public static final String MODEL_TOKENS_PER_DAY = "model_tokens_per_day";

	/** No limit at all. */
	public static final Budget NONE = new Budget(0, 0);

	public Budget {
		if (turnsPerMinute < 0 || modelTokensPerDay < 0) {
			throw new IllegalArgumentException(TURNS_PER_MINUTE + " and " + MODEL_TOKENS_PER_DAY
					+ " must be 0 (no limit) or more (got " + turnsPerMinute + " and " + modelTokensPerDay + ")");
		}
	}

	/**
	 * Reads an agent's own budget from its settings.
	 * @param settings the agent's settings
	 * @return the budget, 0 for what is not set
	 * @throws IllegalArgumentException naming the setting when a value is not a whole
	 * number of 0 or more
	 */
	public static Budget from(Map<String, String> settings) {
		return new Budget(count(settings, TURNS_PER_MINUTE), count(settings, MODEL_TOKENS_PER_DAY));
	}

	/**
	 * The tighter of two budgets, limit by limit (a limit of 0 gives way to any other).
	 * @param other the other budget
	 * @return the budget that both allow
	 */
	public Budget within(Budget other) {
		return new Budget(tighter(this.turnsPerMinute, other.turnsPerMinute),
				tighter(this.modelTokensPerDay, other.modelTokensPerDay));
	}

	private static long tighter(long a, long b) {
		if (a == 0) {
			return b;
		}
		return (b == 0) ? a : Math.min(a, b);
	}

	private static long count(Map<String, String> settings, String key) {
		String value = settings.get(key);
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			long count = Long.parseLong(value.strip());
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				key + " must be a whole number, 0 (no limit) or more, not '" + Names.shown(value) + "'");
	}

}
