package io.ruche.brain.model;

import java.time.Instant;
import java.util.List;

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
 * @param fields the interlocutor fields the agent declares outside its scenarios: taken
 * from any message by their pattern, and written to the interlocutor's profile when
 * marked {@code profile} (docs/brain.md, The interlocutor profile)
 * @param version incremented on every write, for optimistic concurrency
 * @param updatedAt when the agent was last written
 */
public record Agent(TenantId tenant, String id, String name, String description, String persona, AgentSettings settings,
		List<FieldSpec> fields, long version, Instant updatedAt) {

	public Agent {
		Names.check("agent name", name);
		fields = List.copyOf(fields);
	}

}
