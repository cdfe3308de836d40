package io.ruche.brain;

import java.time.Instant;
import java.util.List;

import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import org.jspecify.annotations.Nullable;

/**
 * Everything held about one interlocutor, personal values opened (docs/privacy.md,
 * Export).
 *
 * @param interlocutorId the interlocutor
 * @param profile the profile, or null when none is held
 * @param sessions the sessions, oldest first, each with its turns and traces
 * @param exportedAt when the export was made
 */
public record InterlocutorExport(String interlocutorId, @Nullable Interlocutor profile, List<SessionData> sessions,
		Instant exportedAt) {

	public InterlocutorExport {
		sessions = List.copyOf(sessions);
	}

	/**
	 * One session of the interlocutor.
	 *
	 * @param session the session, its variables opened
	 * @param turns its turns, oldest first
	 * @param traces the traces of those turns that are still held
	 */
	public record SessionData(Session session, List<TurnRecord> turns, List<Trace> traces) {

		public SessionData {
			turns = List.copyOf(turns);
			traces = List.copyOf(traces);
		}

	}

}
