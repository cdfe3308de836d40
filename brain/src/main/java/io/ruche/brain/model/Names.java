package io.ruche.brain.model;

import java.util.regex.Pattern;

/**
 * The naming rule shared by agents, rules, scenarios and steps.
 */
public final class Names {

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,99}");

	private static final int MAX_SHOWN = 100;

	private Names() {
	}

	/**
	 * Checks a name: 1 to 100 letters, digits, spaces, {@code _ . : -}, starting with a
	 * letter or digit.
	 * @param what what is named, for the message
	 * @param name the name
	 * @throws IllegalArgumentException with a message a person can act on
	 */
	public static void check(String what, String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(what + " '" + shown(name)
					+ "' is invalid: use 1-100 letters, digits, spaces or _ . : -, starting with a letter or digit");
		}
	}

	/**
	 * A name as quoted in a message: a name that breaks the rule may be megabytes long.
	 * @param name the name
	 * @return the name, cut after 100 characters
	 */
	public static String shown(String name) {
		return (name.length() <= MAX_SHOWN) ? name : name.substring(0, MAX_SHOWN) + "...";
	}

}
