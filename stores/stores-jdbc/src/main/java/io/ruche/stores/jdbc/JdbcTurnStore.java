package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * Turns in {@code turns} and traces in {@code traces}, written in one transaction through
 * {@link TurnRepository} and {@link TraceRepository}.
 */
final class JdbcTurnStore implements TurnStore {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final TurnRepository turns;

	private final TraceRepository traces;

	JdbcTurnStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.turns = aggregates.repository(TurnRepository.class);
		this.traces = aggregates.repository(TraceRepository.class);
	}

	@Override
	public void record(TurnRecord turn, Trace trace) {
		TurnRow turnRow = TurnRow.of(turn);
		TraceRow traceRow = TraceRow.of(trace);
		this.tx.inTenant(turn.tenant(), () -> {
			this.template.insert(turnRow);
			return this.template.insert(traceRow);
		});
	}

	@Override
	public List<TurnRecord> turns(TenantId tenant, String sessionId) {
		return Rows.map(this.tx.inTenant(tenant, () -> this.turns.ofSession(tenant.value(), sessionId)),
				TurnRow::toTurn);
	}

	@Override
	public Optional<TurnRecord> turnForMessage(TenantId tenant, String sessionId, String messageId) {
		return this.tx.inTenant(tenant, () -> this.turns.latestForMessage(tenant.value(), sessionId, messageId))
			.map(TurnRow::toTurn);
	}

	@Override
	public Optional<Trace> trace(TenantId tenant, String traceId) {
		return this.tx.inTenant(tenant,
				() -> this.traces.findById(TenantKey.of(tenant, traceId)).map(TraceRow::toTrace));
	}

	@Override
	public boolean commitResponse(TenantId tenant, String sessionId, int turn, String response) {
		return this.tx.inTenant(tenant, () -> this.turns.commitResponse(tenant.value(), sessionId, turn, response));
	}

}
