package io.ruche.brain.port;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Agent;
import io.ruche.kernel.model.TenantId;

/**
 * Stores agents. Failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface AgentStore {

	/**
	 * Creates or updates an agent. {@code agent.version()} is the version the caller
	 * read: 0 to create.
	 * @param agent the agent
	 * @return the stored agent, with its new version
	 * @throws io.ruche.kernel.store.StoreConflictException when the version is stale or
	 * the name is taken
	 */
	Agent save(Agent agent);

	/**
	 * Finds an agent by id.
	 * @param tenant the tenant
	 * @param id the agent id
	 * @return the agent, or empty
	 */
	Optional<Agent> find(TenantId tenant, String id);

	/**
	 * Finds an agent by name, case-sensitively.
	 * @param tenant the tenant
	 * @param name the agent name
	 * @return the agent, or empty
	 */
	Optional<Agent> findByName(TenantId tenant, String name);

	/**
	 * Lists a tenant's agents, ordered by name.
	 * @param tenant the tenant
	 * @return the agents, never null
	 */
	List<Agent> list(TenantId tenant);

	/**
	 * Removes an agent. What names it by id (its versions, sessions, turns and audit
	 * records) stays.
	 * @param tenant the tenant
	 * @param id the agent id
	 * @return true when the tenant had that agent
	 */
	boolean delete(TenantId tenant, String id);

}
