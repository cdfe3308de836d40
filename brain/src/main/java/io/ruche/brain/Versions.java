package io.ruche.brain;

import java.util.regex.Pattern;

import io.ruche.brain.port.ConfigurationSource;
import org.jspecify.annotations.Nullable;

/**
 * The shape of the {@code version} a turn or a replay runs on: {@code draft} or a
 * published version number.
 */
public final class Versions {

	private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

	private Versions() {
	}

	/**
	 * Checks a version name.
	 * @param version the name, or null (the live configuration)
	 * @throws IllegalArgumentException when it is neither {@code draft} nor a positive
	 * number
	 */
	public static void check(@Nullable String version) {
		if (version != null && !ConfigurationSource.DRAFT.equals(version) && !NUMBER.matcher(version).matches()) {
			throw new IllegalArgumentException(
					"version must be \"draft\" or a published version number (1 or more), not '" + version + "'");
		}
	}

}
