package io.ruche.brain.port;

import java.util.Optional;

import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.kernel.model.TenantId;

/**
 * The draft of each agent's configuration, at most one per agent. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ConfigurationDraftStore {

	/**
	 * Finds an agent's draft.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the draft, or empty when the agent has none
	 */
	Optional<ConfigurationDraft> find(TenantId tenant, String agentId);

	/**
	 * Writes a draft: revision 1 creates it, a later revision replaces the one just
	 * before it.
	 * @param draft the draft
	 * @throws io.ruche.kernel.store.StoreConflictException when revision 1 meets an
	 * existing draft, or the stored revision is not the one just before
	 */
	void save(ConfigurationDraft draft);

	/**
	 * Deletes an agent's draft at a given revision.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param revision the revision read
	 * @return true when that revision was deleted, false when the agent has no draft at
	 * that revision
	 */
	boolean delete(TenantId tenant, String agentId, long revision);

}
