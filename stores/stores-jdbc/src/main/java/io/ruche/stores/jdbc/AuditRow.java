package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the append-only table {@code audit_log}; {@code seq}, generated, orders
 * records of equal time.
 */
@Table("audit_log")
record AuditRow(@Id @Nullable Long seq, String tenantId, @Column("id") String recordId, String actor, String action,
		String subject, @Nullable String sessionId, String outcome, long durationMs, Details details,
		Instant occurredAt) {

	static AuditRow of(AuditRecord record) {
		return new AuditRow(null, record.tenant().value(), record.id(), record.actor(), record.action(),
				record.subject(), record.sessionId(), record.outcome(), record.durationMs(),
				new Details(record.details()), Rows.micros(record.at()));
	}

	AuditRecord toRecord() {
		return new AuditRecord(TenantId.of(this.tenantId), this.recordId, this.actor, this.action, this.subject,
				this.sessionId, this.outcome, this.durationMs, this.details.entries(), this.occurredAt);
	}

	/** The JSON of a record's details: an object of strings. */
	record Details(@JsonValue Map<String, String> entries) implements JsonBody {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		Details {
		}

	}

}
