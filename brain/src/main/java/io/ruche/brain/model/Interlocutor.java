package io.ruche.brain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.ruche.kernel.model.TenantId;

/**
 * The person or system talking to an agent.
 *
 * @param tenant the owning tenant
 * @param id the interlocutor id, chosen by the client or generated
 * @param fields profile fields by name
 * @param personalFields the names of the fields that are personal data
 * @param updatedAt when the profile last changed
 */
public record Interlocutor(TenantId tenant, String id, Map<String, String> fields, Set<String> personalFields,
		Instant updatedAt) {

	public Interlocutor {
		fields = Map.copyOf(fields);
		personalFields = Set.copyOf(personalFields);
	}

	/**
	 * The same profile with other field values (opened or sealed personal values).
	 * @param values the fields
	 * @return the copy
	 */
	public Interlocutor withFields(Map<String, String> values) {
		return new Interlocutor(this.tenant, this.id, values, this.personalFields, this.updatedAt);
	}

}
