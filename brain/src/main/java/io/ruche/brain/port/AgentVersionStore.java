package io.ruche.brain.port;

import java.util.Optional;

import io.ruche.brain.model.AgentVersion;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

/**
 * The immutable, numbered versions of each agent's configuration. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface AgentVersionStore {

	/**
	 * Appends a version. Numbers are the optimistic lock of publishing: a number the
	 * agent already has is refused.
	 * @param version the version, numbered one more than the latest
	 * @throws io.ruche.kernel.store.StoreConflictException when the agent already has
	 * that number
	 */
	void append(AgentVersion version);

	/**
	 * Finds one version.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param number the version number
	 * @return the version, or empty
	 */
	Optional<AgentVersion> find(TenantId tenant, String agentId, long number);

	/**
	 * Finds the latest version of an agent.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the version with the highest number, or empty when none was published
	 */
	Optional<AgentVersion> latest(TenantId tenant, String agentId);

	/**
	 * Lists an agent's versions, newest first.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param request the page wanted
	 * @return one page of versions
	 */
	Page<AgentVersion> list(TenantId tenant, String agentId, PageRequest request);

}
