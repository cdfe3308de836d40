package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import tools.jackson.core.type.TypeReference;

/** The append-only table {@code audit_log}; {@code seq} orders records of equal time. */
final class JdbcAuditLog implements AuditLog {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final TenantTransactions tx;

	private final Json json;

	JdbcAuditLog(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
	}

	@Override
	public void append(AuditRecord record) {
		this.tx.inTenant(record.tenant(),
				(jdbc) -> jdbc
					.sql("""
							INSERT INTO audit_log (tenant_id, id, actor, action, subject, session_id, outcome, duration_ms, details, occurred_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(Rows.withNulls(record.tenant().value(), record.id(), record.actor(), record.action(),
							record.subject(), record.sessionId(), record.outcome(), record.durationMs(),
							this.json.write(record.details()), Rows.ts(record.at())))
					.update());
	}

	@Override
	public Page<AuditRecord> list(TenantId tenant, PageRequest request) {
		return this.tx
			.inTenant(tenant,
					(jdbc) -> Rows.page(
							jdbc.sql("SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY occurred_at DESC, seq DESC"
									+ Rows.limitOffset(request))
								.param(tenant.value())
								.query(this::map)
								.list(),
							request));
	}

	@Override
	public List<AuditRecord> listForSession(TenantId tenant, String sessionId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM audit_log WHERE tenant_id = ? AND session_id = ? ORDER BY occurred_at, seq")
					.params(tenant.value(), sessionId)
					.query(this::map)
					.list());
	}

	private AuditRecord map(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(Rows.tenant(rs), rs.getString("id"), rs.getString("actor"), rs.getString("action"),
				rs.getString("subject"), rs.getString("session_id"), rs.getString("outcome"), rs.getLong("duration_ms"),
				this.json.read(rs.getString("details"), DETAILS), Rows.instant(rs, "occurred_at"));
	}

}
