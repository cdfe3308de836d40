package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import io.ruche.brain.model.Session;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.kernel.model.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Interlocutors' data across {@code interlocutors}, {@code sessions}, {@code turns},
 * {@code traces} and the messages of bursts ({@code session_messages}): plain statements,
 * since they span the tables of several aggregates.
 */
final class JdbcPersonalDataStore implements PersonalDataStore {

	private static final String SESSIONS_OF = "SELECT id FROM sessions WHERE tenant_id = ? AND interlocutor_id = ?";

	private final TenantTransactions tx;

	private final SessionRepository sessions;

	JdbcPersonalDataStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.sessions = aggregates.repository(SessionRepository.class);
	}

	@Override
	public List<Session> sessionsOf(TenantId tenant, String interlocutorId) {
		return this.tx.inTenant(tenant,
				() -> Rows.map(this.sessions.ofInterlocutor(tenant.value(), interlocutorId), SessionRow::toSession));
	}

	@Override
	public Erasure erase(TenantId tenant, String interlocutorId) {
		return this.tx.inTenant(tenant, (jdbc) -> {
			String t = tenant.value();
			jdbc.sql("DELETE FROM traces WHERE tenant_id = ? AND session_id IN (" + SESSIONS_OF + ")")
				.params(t, t, interlocutorId)
				.update();
			jdbc.sql("DELETE FROM session_messages WHERE tenant_id = ? AND session_id IN (" + SESSIONS_OF + ")")
				.params(t, t, interlocutorId)
				.update();
			int turns = jdbc.sql("DELETE FROM turns WHERE tenant_id = ? AND session_id IN (" + SESSIONS_OF + ")")
				.params(t, t, interlocutorId)
				.update();
			int sessions = jdbc.sql("DELETE FROM sessions WHERE tenant_id = ? AND interlocutor_id = ?")
				.params(t, interlocutorId)
				.update();
			int profiles = jdbc.sql("DELETE FROM interlocutors WHERE tenant_id = ? AND id = ?")
				.params(t, interlocutorId)
				.update();
			return new Erasure(profiles > 0, sessions, turns);
		});
	}

	@Override
	public int purgeTurns(TenantId tenant, Instant before) {
		return this.tx.inTenant(tenant, (jdbc) -> {
			jdbc.sql("DELETE FROM traces WHERE tenant_id = ? AND occurred_at < ?")
				.params(tenant.value(), Rows.ts(before))
				.update();
			jdbc.sql("DELETE FROM session_messages WHERE tenant_id = ? AND received_at < ?")
				.params(tenant.value(), Rows.ts(before))
				.update();
			return jdbc.sql("DELETE FROM turns WHERE tenant_id = ? AND occurred_at < ?")
				.params(tenant.value(), Rows.ts(before))
				.update();
		});
	}

	@Override
	public int rewrite(TenantId tenant, UnaryOperator<String> rewrite) {
		return this.tx.inTenant(tenant, (jdbc) -> rewrite(jdbc, tenant, "interlocutors", "body", rewrite)
				+ rewrite(jdbc, tenant, "sessions", "state", rewrite));
	}

	// Table and column names are constants of this class, never input.
	private static int rewrite(JdbcClient jdbc, TenantId tenant, String table, String column,
			UnaryOperator<String> rewrite) {
		record Stored(String id, String text) {
		}
		List<Stored> rows = jdbc.sql("SELECT id, " + column + " FROM " + table + " WHERE tenant_id = ?")
			.params(tenant.value())
			.query((rs, row) -> new Stored(rs.getString(1), rs.getString(2)))
			.list();
		int changed = 0;
		for (Stored row : rows) {
			String text = rewrite.apply(row.text());
			if (!text.equals(row.text())) {
				changed += jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE tenant_id = ? AND id = ?")
					.params(text, tenant.value(), row.id())
					.update();
			}
		}
		return changed;
	}

}
