package io.ruche.brain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.TenantId;

/**
 * The explanation of one turn: every phase, its timing and its decisions.
 *
 * @param tenant the owning tenant
 * @param id the trace id
 * @param sessionId the session
 * @param turn the turn number
 * @param phases the phases, in the order they ran
 * @param at when the turn finished
 */
public record Trace(TenantId tenant, String id, String sessionId, int turn, List<Phase> phases, Instant at) {

	public Trace {
		phases = List.copyOf(phases);
	}

	/**
	 * One phase of a turn.
	 *
	 * @param name the phase name, such as {@code retrieval}
	 * @param durationMs how long it took
	 * @param status {@code ok}, {@code skipped} or {@code failed}
	 * @param decisions what it decided, as JSON-like values (maps, lists, strings,
	 * numbers, booleans)
	 */
	public record Phase(String name, double durationMs, String status, Map<String, Object> decisions) {

		public Phase {
			decisions = Map.copyOf(decisions);
		}

	}

}
