package io.ruche.brain.replay;

import java.util.List;

import io.ruche.brain.Versions;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Recorded conversations to replay against a candidate configuration (see docs/brain.md,
 * Replay).
 *
 * @param tenant the tenant
 * @param agent the agent id or name
 * @param version the candidate: {@code draft} or a published version number
 * @param sessions the sessions to replay, all their turns; empty to take the agent's
 * golden sessions, else its latest turns
 * @param lastTurns with no sessions: how many of the agent's latest recorded turns to
 * report (their sessions are replayed from their first turn), or null for the default
 */
public record ReplayRequest(TenantId tenant, String agent, String version, List<String> sessions,
		@Nullable Integer lastTurns) {

	public ReplayRequest {
		Versions.check(version);
		sessions = List.copyOf(sessions);
		if (lastTurns != null && lastTurns < 1) {
			throw new IllegalArgumentException("last_turns must be 1 or more");
		}
		if (!sessions.isEmpty() && lastTurns != null) {
			throw new IllegalArgumentException("give sessions or last_turns, not both");
		}
	}

}
