package io.ruche.brain.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The phases of a turn, in the order they run; a trace lists each one that a turn reached
 * (run, skipped or failed) under its wire name.
 */
enum TurnPhase {

	CONTEXT, SITUATION, FIELD_UPDATES, SCENARIO_NAVIGATION, RETRIEVAL, RULE_FILTERING, RELATIONSHIPS, TOOLS, GENERATION,
	ENFORCEMENT, PERSISTENCE;

	/** What a {@code converse} turn runs: every phase. */
	static final List<TurnPhase> CONVERSE = List.of(values());

	/** What a {@code guidance} turn runs: no reply is made or checked here. */
	static final List<TurnPhase> GUIDANCE = Arrays.stream(values())
		.filter((phase) -> phase != GENERATION && phase != ENFORCEMENT)
		.toList();

	/**
	 * The name in traces, metrics and progress notifications.
	 * @return the lower-case name
	 */
	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
