package io.ruche.brain.port;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import io.ruche.brain.model.Session;
import io.ruche.kernel.model.TenantId;

/**
 * What the stores hold about interlocutors as people: their sessions, the erasure of
 * everything about one of them, the purge of old turns, and the rewriting of sealed
 * values after a key rotation (docs/privacy.md). Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface PersonalDataStore {

	/**
	 * Lists every session of an interlocutor, oldest first.
	 * @param tenant the tenant
	 * @param interlocutorId the interlocutor
	 * @return the sessions, as stored
	 */
	List<Session> sessionsOf(TenantId tenant, String interlocutorId);

	/**
	 * Deletes, in one transaction, an interlocutor's profile, sessions, and the turns and
	 * traces of those sessions. Idempotent.
	 * @param tenant the tenant
	 * @param interlocutorId the interlocutor
	 * @return what was deleted
	 */
	Erasure erase(TenantId tenant, String interlocutorId);

	/**
	 * Deletes the turns, and their traces, recorded before a time.
	 * @param tenant the tenant
	 * @param before the oldest time kept
	 * @return how many turns were deleted
	 */
	int purgeTurns(TenantId tenant, Instant before);

	/**
	 * Rewrites the stored text of every profile and session state of a tenant that the
	 * function changes (written back only when changed).
	 * @param tenant the tenant
	 * @param rewrite the rewriting of one stored text; returns the same instance for a
	 * text to keep
	 * @return how many rows were rewritten
	 */
	int rewrite(TenantId tenant, UnaryOperator<String> rewrite);

	/**
	 * What an erasure deleted.
	 *
	 * @param profile whether a profile was deleted
	 * @param sessions how many sessions were deleted
	 * @param turns how many turns (each with its trace) were deleted
	 */
	record Erasure(boolean profile, int sessions, int turns) {

		/** Nothing was held. */
		public static final Erasure NONE = new Erasure(false, 0, 0);

	}

}
