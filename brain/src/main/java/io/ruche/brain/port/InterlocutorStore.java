package io.ruche.brain.port;

import java.util.Optional;

import io.ruche.brain.model.Interlocutor;
import io.ruche.kernel.model.TenantId;

/**
 * Stores interlocutor profiles. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface InterlocutorStore {

	/**
	 * Creates or replaces a profile.
	 * @param interlocutor the profile
	 */
	void save(Interlocutor interlocutor);

	/**
	 * Finds a profile.
	 * @param tenant the tenant
	 * @param id the interlocutor id
	 * @return the profile, or empty
	 */
	Optional<Interlocutor> find(TenantId tenant, String id);

	/**
	 * Erases a profile on request (right to erasure). Idempotent.
	 * @param tenant the tenant
	 * @param id the interlocutor id
	 * @return true when a profile was erased
	 */
	boolean erase(TenantId tenant, String id);

}
