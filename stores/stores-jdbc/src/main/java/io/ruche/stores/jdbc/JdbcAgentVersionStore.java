package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

/**
 * The append-only table {@code agent_versions}: its primary key (tenant, agent, number)
 * refuses a number taken by a concurrent publish.
 */
final class JdbcAgentVersionStore implements AgentVersionStore {

	private final TenantTransactions tx;

	JdbcAgentVersionStore(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public void append(AgentVersion version) {
		this.tx.inTenant(version.tenant(), (jdbc) -> jdbc.sql("""
				INSERT INTO agent_versions (tenant_id, agent_id, version_number, author, summary, created_at, document)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(version.tenant().value(), version.agentId(), version.number(), version.author(), version.summary(),
					Rows.ts(version.createdAt()), version.document())
			.update());
	}

	@Override
	public Optional<AgentVersion> find(TenantId tenant, String agentId, long number) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc
					.sql("SELECT * FROM agent_versions WHERE tenant_id = ? AND agent_id = ? AND version_number = ?")
					.params(tenant.value(), agentId, number)
					.query(JdbcAgentVersionStore::map)
					.optional());
	}

	@Override
	public Optional<AgentVersion> latest(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc.sql(
				"SELECT * FROM agent_versions WHERE tenant_id = ? AND agent_id = ? ORDER BY version_number DESC LIMIT 1")
			.params(tenant.value(), agentId)
			.query(JdbcAgentVersionStore::map)
			.optional());
	}

	@Override
	public Page<AgentVersion> list(TenantId tenant, String agentId, PageRequest request) {
		return this.tx.inTenant(tenant, (jdbc) -> Rows.page(jdbc
			.sql("SELECT * FROM agent_versions WHERE tenant_id = ? AND agent_id = ? ORDER BY version_number DESC"
					+ Rows.limitOffset(request))
			.params(tenant.value(), agentId)
			.query(JdbcAgentVersionStore::map)
			.list(), request));
	}

	private static AgentVersion map(ResultSet rs, int row) throws SQLException {
		return new AgentVersion(Rows.tenant(rs), rs.getString("agent_id"), rs.getLong("version_number"),
				rs.getString("author"), rs.getString("summary"), Rows.instant(rs, "created_at"),
				rs.getString("document"));
	}

}
