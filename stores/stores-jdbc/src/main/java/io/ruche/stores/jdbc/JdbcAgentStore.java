package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.port.AgentStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;

/** Agents in the table {@code agents}; names are unique per tenant. */
final class JdbcAgentStore implements AgentStore {

	private final TenantTransactions tx;

	private final Json json;

	JdbcAgentStore(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
	}

	@Override
	public Agent save(Agent agent) {
		Agent stored = new Agent(agent.tenant(), agent.id(), agent.name(), agent.description(), agent.persona(),
				agent.settings(), agent.version() + 1, Rows.micros(agent.updatedAt()));
		String settings = this.json.write(agent.settings());
		return this.tx.inTenant(agent.tenant(), (jdbc) -> {
			if (agent.version() == 0) {
				jdbc.sql("""
						INSERT INTO agents (tenant_id, id, name, description, persona, settings, version, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(agent.tenant().value(), agent.id(), agent.name(), agent.description(), agent.persona(),
							settings, stored.version(), Rows.ts(stored.updatedAt()))
					.update();
				return stored;
			}
			int updated = jdbc.sql("""
					UPDATE agents SET name = ?, description = ?, persona = ?, settings = ?, version = ?, updated_at = ?
					WHERE tenant_id = ? AND id = ? AND version = ?""")
				.params(agent.name(), agent.description(), agent.persona(), settings, stored.version(),
						Rows.ts(stored.updatedAt()), agent.tenant().value(), agent.id(), agent.version())
				.update();
			if (updated == 0) {
				throw new StoreConflictException(
						"agent " + agent.id() + " was changed by someone else or is unknown: read it again");
			}
			return stored;
		});
	}

	@Override
	public Optional<Agent> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM agents WHERE tenant_id = ? AND id = ?")
					.params(tenant.value(), id)
					.query(this::map)
					.optional());
	}

	@Override
	public Optional<Agent> findByName(TenantId tenant, String name) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM agents WHERE tenant_id = ? AND name = ?")
					.params(tenant.value(), name)
					.query(this::map)
					.optional());
	}

	@Override
	public List<Agent> list(TenantId tenant) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM agents WHERE tenant_id = ? ORDER BY name, id")
					.param(tenant.value())
					.query(this::map)
					.list());
	}

	private Agent map(ResultSet rs, int row) throws SQLException {
		return new Agent(Rows.tenant(rs), rs.getString("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("persona"), this.json.read(rs.getString("settings"), AgentSettings.class),
				rs.getLong("version"), Rows.instant(rs, "updated_at"));
	}

}
