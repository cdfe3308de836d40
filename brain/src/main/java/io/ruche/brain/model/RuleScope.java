package io.ruche.brain.model;

import java.util.Locale;

/**
 * Where a rule applies: always, while a scenario is active, or while one step of a
 * scenario is active.
 */
public enum RuleScope {

	GLOBAL, SCENARIO, STEP;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code global}, {@code scenario} or {@code step}, case-insensitively.
	 * @param name the name
	 * @return the scope
	 */
	public static RuleScope parse(String name) {
		for (RuleScope scope : values()) {
			if (scope.name().equalsIgnoreCase(name.trim())) {
				return scope;
			}
		}
		throw new IllegalArgumentException("unknown scope '" + name + "': expected global, scenario or step");
	}

}
