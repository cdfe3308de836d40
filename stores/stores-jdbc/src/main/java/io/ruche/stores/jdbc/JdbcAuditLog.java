package io.ruche.stores.jdbc;

import java.util.Collection;
import java.util.List;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** The append-only table {@code audit_log} through {@link AuditRepository}. */
final class JdbcAuditLog implements AuditLog {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final AuditRepository repository;

	JdbcAuditLog(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.repository = aggregates.repository(AuditRepository.class);
	}

	@Override
	public void append(AuditRecord record) {
		AuditRow row = AuditRow.of(record);
		this.tx.inTenant(record.tenant(), () -> this.template.insert(row));
	}

	@Override
	public Page<AuditRecord> list(TenantId tenant, PageRequest request) {
		List<AuditRow> rows = this.tx.inTenant(tenant,
				() -> this.repository.page(tenant.value(), Rows.limitPlusOne(request), request.offset()));
		return Rows.page(Rows.map(rows, AuditRow::toRecord), request);
	}

	@Override
	public Page<AuditRecord> list(TenantId tenant, Collection<String> actions, PageRequest request) {
		if (actions.isEmpty()) {
			throw new IllegalArgumentException("name at least one action to list");
		}
		List<AuditRow> rows = this.tx.inTenant(tenant, () -> this.repository.pageOf(tenant.value(),
				List.copyOf(actions), Rows.limitPlusOne(request), request.offset()));
		return Rows.page(Rows.map(rows, AuditRow::toRecord), request);
	}

	@Override
	public List<AuditRecord> listForSession(TenantId tenant, String sessionId) {
		return Rows.map(this.tx.inTenant(tenant, () -> this.repository.ofSession(tenant.value(), sessionId)),
				AuditRow::toRecord);
	}

}
