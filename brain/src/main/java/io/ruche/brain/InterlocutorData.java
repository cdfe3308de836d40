package io.ruche.brain;

import java.time.Clock;
import java.util.List;

import io.ruche.brain.internal.DefaultInterlocutorData;
import io.ruche.brain.model.Session;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.port.PersonalDataStore.Erasure;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;

/**
 * An interlocutor's rights over its data, and the tenant's retention of it: export,
 * erasure, the purge of old turns, and the re-sealing of personal values after a key
 * rotation (docs/privacy.md).
 */
public interface InterlocutorData {

	/**
	 * Creates the service over the brain's stores.
	 * @param interlocutors the profiles
	 * @param personalData sessions by interlocutor, erasure, purge and rewriting
	 * @param turns the turns and traces
	 * @param audit where erasures and purges are recorded
	 * @param keyring opens and re-seals personal values
	 * @param clock the time of exports, erasures and purges
	 * @return the service
	 */
	static InterlocutorData create(InterlocutorStore interlocutors, PersonalDataStore personalData, TurnStore turns,
			AuditLog audit, Keyring keyring, Clock clock) {
		return new DefaultInterlocutorData(interlocutors, personalData, turns, audit, keyring, clock);
	}

	/**
	 * Lists an interlocutor's sessions, oldest first, personal values shown as
	 * {@code ***}.
	 * @param tenant the tenant
	 * @param interlocutorId the interlocutor
	 * @return the sessions
	 */
	List<Session> sessions(TenantId tenant, String interlocutorId);

	/**
	 * Everything held about an interlocutor, personal values opened; an interlocutor
	 * nothing is held about gives an export without profile nor sessions.
	 * @param tenant the tenant
	 * @param interlocutorId the interlocutor
	 * @return the export
	 */
	InterlocutorExport export(TenantId tenant, String interlocutorId);

	/**
	 * Deletes the profile, the sessions and their turns and traces, and audits that an
	 * erasure happened, by whom (the interlocutor id is kept only as a digest).
	 * @param tenant the tenant
	 * @param actor who asked
	 * @param interlocutorId the interlocutor
	 * @return what was deleted
	 */
	Erasure erase(TenantId tenant, Actor actor, String interlocutorId);

	/**
	 * Deletes the turns and traces older than a number of days, and audits a purge that
	 * deleted something.
	 * @param tenant the tenant
	 * @param retentionDays how many days of turns are kept, at least 1
	 * @return how many turns were deleted
	 */
	int purge(TenantId tenant, int retentionDays);

	/**
	 * Re-seals under the current key every personal value of the tenant sealed under a
	 * previous key.
	 * @param tenant the tenant
	 * @return how many stored rows were rewritten
	 */
	int reseal(TenantId tenant);

}
