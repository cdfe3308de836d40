package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Trace;
import io.ruche.brain.model.Trace.Phase;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Turns in {@code turns} (the reply in its own column so that it is committed once) and
 * traces in {@code traces}, written in one transaction.
 */
final class JdbcTurnStore implements TurnStore {

	private final TenantTransactions tx;

	private final Json json;

	JdbcTurnStore(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
	}

	@Override
	public void record(TurnRecord turn, Trace trace) {
		String body = this.json.write(new TurnBody(turn.message(), turn.mode(), turn.matchedRules(), turn.scenarioId(),
				turn.stepId(), turn.toolCalls()));
		String phases = this.json.write(new TraceBody(trace.phases()));
		this.tx.inTenant(turn.tenant(), (jdbc) -> {
			jdbc.sql("""
					INSERT INTO turns (tenant_id, session_id, turn, body, response, trace_id, occurred_at, message_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Rows.withNulls(turn.tenant().value(), turn.sessionId(), turn.turn(), body, turn.response(),
						turn.traceId(), Rows.ts(turn.at()), turn.messageId()))
				.update();
			return jdbc.sql("""
					INSERT INTO traces (tenant_id, id, session_id, turn, phases, occurred_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(trace.tenant().value(), trace.id(), trace.sessionId(), trace.turn(), phases,
						Rows.ts(trace.at()))
				.update();
		});
	}

	@Override
	public List<TurnRecord> turns(TenantId tenant, String sessionId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM turns WHERE tenant_id = ? AND session_id = ? ORDER BY turn")
					.params(tenant.value(), sessionId)
					.query(this::mapTurn)
					.list());
	}

	@Override
	public Optional<TurnRecord> turnForMessage(TenantId tenant, String sessionId, String messageId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("""
						SELECT * FROM turns WHERE tenant_id = ? AND session_id = ? AND message_id = ?
						ORDER BY turn DESC LIMIT 1""")
					.params(tenant.value(), sessionId, messageId)
					.query(this::mapTurn)
					.optional());
	}

	@Override
	public Optional<Trace> trace(TenantId tenant, String traceId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM traces WHERE tenant_id = ? AND id = ?")
					.params(tenant.value(), traceId)
					.query((rs, row) -> new Trace(Rows.tenant(rs), rs.getString("id"), rs.getString("session_id"),
							rs.getInt("turn"), this.json.read(rs.getString("phases"), TraceBody.class).phases(),
							Rows.instant(rs, "occurred_at")))
					.optional());
	}

	@Override
	public boolean commitResponse(TenantId tenant, String sessionId, int turn, String response) {
		return this.tx.inTenant(tenant, (jdbc) -> jdbc.sql(
				"UPDATE turns SET response = ? WHERE tenant_id = ? AND session_id = ? AND turn = ? AND response IS NULL")
			.params(response, tenant.value(), sessionId, turn)
			.update() > 0);
	}

	private TurnRecord mapTurn(ResultSet rs, int row) throws SQLException {
		TurnBody body = this.json.read(rs.getString("body"), TurnBody.class);
		return new TurnRecord(Rows.tenant(rs), rs.getString("session_id"), rs.getInt("turn"), body.message(),
				rs.getString("response"), body.mode(), body.matchedRules(), body.scenarioId(), body.stepId(),
				body.toolCalls(), rs.getString("trace_id"), Rows.instant(rs, "occurred_at"),
				rs.getString("message_id"));
	}

	/** The JSON body of a turn row. */
	private record TurnBody(String message, String mode, List<MatchedRule> matchedRules, @Nullable String scenarioId,
			@Nullable String stepId, List<ToolCallSummary> toolCalls) {
	}

	/** The JSON body of a trace row. */
	private record TraceBody(List<Phase> phases) {
	}

}
