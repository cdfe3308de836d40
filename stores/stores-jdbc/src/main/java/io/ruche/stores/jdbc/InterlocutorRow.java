package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.ruche.brain.model.Interlocutor;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code interlocutors}; the profile is JSON in {@code body}. */
@Table("interlocutors")
record InterlocutorRow(@Id TenantKey key, Body body, Instant updatedAt) {

	static InterlocutorRow of(Interlocutor interlocutor) {
		return new InterlocutorRow(TenantKey.of(interlocutor.tenant(), interlocutor.id()),
				new Body(interlocutor.fields(), interlocutor.personalFields()), Rows.micros(interlocutor.updatedAt()));
	}

	Interlocutor toInterlocutor() {
		return new Interlocutor(this.key.tenant(), this.key.id(), this.body.fields(), this.body.personalFields(),
				this.updatedAt);
	}

	/** The JSON of a profile. */
	record Body(Map<String, String> fields, Set<String> personalFields) implements JsonBody {
	}

}
