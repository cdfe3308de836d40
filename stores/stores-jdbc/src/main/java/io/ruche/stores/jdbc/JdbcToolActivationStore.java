package io.ruche.stores.jdbc;

import java.util.List;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.port.ToolActivationStore;

/** Tool activations in {@code tool_activations}, one row per agent and tool. */
final class JdbcToolActivationStore implements ToolActivationStore {

	private final TenantTransactions tx;

	JdbcToolActivationStore(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public void save(ToolActivation activation) {
		try {
			upsert(activation);
		}
		catch (StoreConflictException ex) {
			// A concurrent first save inserted the row meanwhile: this one now updates
			// it.
			upsert(activation);
		}
	}

	private void upsert(ToolActivation activation) {
		this.tx.inTenant(activation.tenant(), (jdbc) -> {
			int updated = jdbc.sql("""
					UPDATE tool_activations SET enabled = ?, updated_at = ?
					WHERE tenant_id = ? AND agent_id = ? AND tool_name = ?""")
				.params(activation.enabled(), Rows.ts(activation.updatedAt()), activation.tenant().value(),
						activation.agentId(), activation.toolName())
				.update();
			if (updated == 0) {
				jdbc.sql("""
						INSERT INTO tool_activations (tenant_id, agent_id, tool_name, enabled, updated_at)
						VALUES (?, ?, ?, ?, ?)""")
					.params(activation.tenant().value(), activation.agentId(), activation.toolName(),
							activation.enabled(), Rows.ts(activation.updatedAt()))
					.update();
			}
			return updated;
		});
	}

	@Override
	public List<ToolActivation> list(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM tool_activations WHERE tenant_id = ? AND agent_id = ? ORDER BY tool_name")
					.params(tenant.value(), agentId)
					.query((rs, row) -> new ToolActivation(Rows.tenant(rs), rs.getString("agent_id"),
							rs.getString("tool_name"), rs.getBoolean("enabled"), Rows.instant(rs, "updated_at")))
					.list());
	}

}
