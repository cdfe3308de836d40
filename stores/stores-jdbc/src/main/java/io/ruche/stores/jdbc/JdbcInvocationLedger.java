package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Optional;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.port.InvocationLedger;

/**
 * The ledger in {@code invocation_ledger}: the primary key (tenant, tool, key) makes
 * {@link #begin} exactly-once, whichever instance calls it.
 */
final class JdbcInvocationLedger implements InvocationLedger {

	private final TenantTransactions tx;

	JdbcInvocationLedger(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public boolean begin(LedgerEntry entry) {
		try {
			this.tx.inTenant(entry.tenant(), (jdbc) -> jdbc.sql("""
					INSERT INTO invocation_ledger (tenant_id, tool_name, idempotency_key, arguments_digest, state,
					outcome_json, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Rows.withNulls(entry.tenant().value(), entry.toolName(), entry.idempotencyKey(),
						entry.argumentsDigest(), entry.state(), entry.outcomeJson(), Rows.ts(entry.startedAt()),
						Rows.nullableTs(entry.finishedAt())))
				.update());
			return true;
		}
		catch (StoreConflictException ex) {
			return false;
		}
	}

	@Override
	public void finish(TenantId tenant, String toolName, String idempotencyKey, String state, String outcomeJson) {
		this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("""
						UPDATE invocation_ledger SET state = ?, outcome_json = ?, finished_at = ?
						WHERE tenant_id = ? AND tool_name = ? AND idempotency_key = ?""")
					.params(state, outcomeJson, Rows.ts(Instant.now()), tenant.value(), toolName, idempotencyKey)
					.update());
	}

	@Override
	public Optional<LedgerEntry> find(TenantId tenant, String toolName, String idempotencyKey) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc
			.sql("SELECT * FROM invocation_ledger WHERE tenant_id = ? AND tool_name = ? AND idempotency_key = ?")
			.params(tenant.value(), toolName, idempotencyKey)
			.query((rs, row) -> new LedgerEntry(Rows.tenant(rs), rs.getString("tool_name"),
					rs.getString("idempotency_key"), rs.getString("arguments_digest"), rs.getString("state"),
					rs.getString("outcome_json"), Rows.instant(rs, "started_at"),
					Rows.nullableInstant(rs, "finished_at")))
			.optional());
	}

}
