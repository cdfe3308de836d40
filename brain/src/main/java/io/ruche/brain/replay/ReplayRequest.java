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

	/** The most sessions one replay reads. */
	public static final int MAX_SESSIONS = 50;

	/** The most turns {@code last_turns} may ask for. */
	public static final int MAX_LAST_TURNS = 500;

	public ReplayRequest {
		Versions.check(version);
		sessions = List.copyOf(sessions);
		if (sessions.size() > MAX_SESSIONS) {
			throw new IllegalArgumentException(
					"a replay takes at most " + MAX_SESSIONS + " sessions, not " + sessions.size());
		}
		if (lastTurns != null && (lastTurns < 1 || lastTurns > MAX_LAST_TURNS)) {
			throw new IllegalArgumentException("last_turns must be between 1 and " + MAX_LAST_TURNS);
		}
		if (!sessions.isEmpty() && lastTurns != null) {
			throw new IllegalArgumentException("give sessions or last_turns, not both");
		}
	}

}
