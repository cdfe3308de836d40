package io.ruche.brain.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;

/**
 * A named conversational persona of a tenant.
 *
 * @param tenant the owning tenant
 * @param id the agent id
 * @param name the unique (per tenant) name, 1-100 characters
 * @param description what the agent is for
 * @param persona the system prompt
 * @param settings per-agent settings
 * @param version incremented on every write, for optimistic concurrency
 * @param updatedAt when the agent was last written
 */
public record Agent(TenantId tenant, String id, String name, String description, String persona, AgentSettings settings,
		long version, Instant updatedAt) {

	public Agent {
		Names.check("agent name", name);
	}

}
