package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Optional;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.port.InvocationLedger;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * The ledger in {@code invocation_ledger} through {@link LedgerRepository}: the primary
 * key (tenant, tool, key) makes {@link #begin} exactly-once, whichever instance calls it.
 */
final class JdbcInvocationLedger implements InvocationLedger {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final LedgerRepository repository;

	JdbcInvocationLedger(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.repository = aggregates.repository(LedgerRepository.class);
	}

	@Override
	public boolean begin(LedgerEntry entry) {
		LedgerRow row = LedgerRow.of(entry);
		try {
			this.tx.inTenant(entry.tenant(), () -> this.template.insert(row));
			return true;
		}
		catch (StoreConflictException ex) {
			return false;
		}
	}

	@Override
	public void finish(TenantId tenant, String toolName, String idempotencyKey, String state, String outcomeJson) {
		Instant now = Rows.micros(Instant.now());
		this.tx.inTenant(tenant, () -> {
			this.repository.finish(tenant.value(), toolName, idempotencyKey, state, outcomeJson, now);
			return now;
		});
	}

	@Override
	public Optional<LedgerEntry> find(TenantId tenant, String toolName, String idempotencyKey) {
		return this.tx.inTenant(tenant,
				() -> this.repository.findById(new LedgerRow.Key(tenant.value(), toolName, idempotencyKey))
					.map(LedgerRow::toEntry));
	}

}
