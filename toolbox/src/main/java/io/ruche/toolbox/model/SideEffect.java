package io.ruche.toolbox.model;

import java.util.Locale;

/**
 * What calling a tool does to the world, which decides retries and exactly-once handling.
 */
public enum SideEffect {

	/** No effect: safe to retry and to cache. */
	PURE,
	/** Repeating the call has the same effect as making it once: safe to retry. */
	IDEMPOTENT,
	/** Each call has an effect: never retried, at most once per idempotency key. */
	IRREVERSIBLE;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code pure}, {@code idempotent} or {@code irreversible}.
	 * @param name the name
	 * @return the side-effect class
	 */
	public static SideEffect parse(String name) {
		for (SideEffect effect : values()) {
			if (effect.name().equalsIgnoreCase(name.trim())) {
				return effect;
			}
		}
		throw new IllegalArgumentException(
				"unknown side_effect '" + name + "': expected pure, idempotent or irreversible");
	}

}
