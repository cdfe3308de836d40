package io.ruche.stores.jdbc;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.LedgerEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code invocation_ledger}. */
@Table("invocation_ledger")
record LedgerRow(@Id Key key, String argumentsDigest, String state, @Nullable String outcomeJson, Instant startedAt,
		@Nullable Instant finishedAt) {

	static LedgerRow of(LedgerEntry entry) {
		return new LedgerRow(new Key(entry.tenant().value(), entry.toolName(), entry.idempotencyKey()),
				entry.argumentsDigest(), entry.state(), entry.outcomeJson(), Rows.micros(entry.startedAt()),
				Rows.nullableMicros(entry.finishedAt()));
	}

	LedgerEntry toEntry() {
		return new LedgerEntry(TenantId.of(this.key.tenantId()), this.key.toolName(), this.key.idempotencyKey(),
				this.argumentsDigest, this.state, this.outcomeJson, this.startedAt, this.finishedAt);
	}

	/**
	 * The primary key {@code (tenant_id, tool_name, idempotency_key)}, which makes a
	 * begin exactly-once.
	 */
	record Key(String tenantId, String toolName, String idempotencyKey) {
	}

}
