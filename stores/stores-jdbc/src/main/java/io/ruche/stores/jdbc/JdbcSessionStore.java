package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.port.SessionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import org.jspecify.annotations.Nullable;

/** Sessions in the table {@code sessions}, their state as JSON. */
final class JdbcSessionStore implements SessionStore {

	private final TenantTransactions tx;

	private final Json json;

	JdbcSessionStore(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
	}

	@Override
	public Session save(Session session) {
		Session stored = new Session(session.tenant(), session.id(), session.agentId(), session.interlocutorId(),
				session.channel(), session.status(), session.turnCount(), session.state(), session.version() + 1,
				Rows.micros(session.createdAt()), Rows.micros(session.updatedAt()));
		String state = this.json.write(session.state());
		return this.tx.inTenant(session.tenant(), (jdbc) -> {
			if (session.version() == 0) {
				jdbc.sql(
						"""
								INSERT INTO sessions (tenant_id, id, agent_id, interlocutor_id, channel, status, turn_count, state,
								version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(session.tenant().value(), session.id(), session.agentId(), session.interlocutorId(),
							session.channel(), session.status().name(), session.turnCount(), state, stored.version(),
							Rows.ts(stored.createdAt()), Rows.ts(stored.updatedAt()))
					.update();
				return stored;
			}
			int updated = jdbc
				.sql("""
						UPDATE sessions SET agent_id = ?, interlocutor_id = ?, channel = ?, status = ?, turn_count = ?, state = ?,
						version = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND version = ?""")
				.params(session.agentId(), session.interlocutorId(), session.channel(), session.status().name(),
						session.turnCount(), state, stored.version(), Rows.ts(stored.updatedAt()),
						session.tenant().value(), session.id(), session.version())
				.update();
			if (updated == 0) {
				throw new StoreConflictException(
						"session " + session.id() + " was changed by another turn or is unknown: read it again");
			}
			return stored;
		});
	}

	@Override
	public Optional<Session> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM sessions WHERE tenant_id = ? AND id = ?")
					.params(tenant.value(), id)
					.query(this::map)
					.optional());
	}

	@Override
	public Page<Session> list(TenantId tenant, @Nullable String agentId, PageRequest request) {
		String order = " ORDER BY updated_at DESC, id" + Rows.limitOffset(request);
		return this.tx
			.inTenant(
					tenant, (
							jdbc) -> Rows.page(
									(agentId != null)
											? jdbc
												.sql("SELECT * FROM sessions WHERE tenant_id = ? AND agent_id = ?"
														+ order)
												.params(tenant.value(), agentId)
												.query(this::map)
												.list()
											: jdbc.sql("SELECT * FROM sessions WHERE tenant_id = ?" + order)
												.param(tenant.value())
												.query(this::map)
												.list(),
									request));
	}

	private Session map(ResultSet rs, int row) throws SQLException {
		return new Session(Rows.tenant(rs), rs.getString("id"), rs.getString("agent_id"),
				rs.getString("interlocutor_id"), rs.getString("channel"), SessionStatus.valueOf(rs.getString("status")),
				rs.getInt("turn_count"), this.json.read(rs.getString("state"), SessionState.class),
				rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
	}

}
