package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;

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

	private final InboxRepository inbox;

	JdbcTurnStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.turns = aggregates.repository(TurnRepository.class);
		this.traces = aggregates.repository(TraceRepository.class);
		this.inbox = aggregates.repository(InboxRepository.class);
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

	@Override
	public InboxMessage receive(InboxMessage message) {
		InboxRow row = InboxRow.of(message);
		try {
			this.tx.inTenant(message.tenant(), () -> this.template.insert(row));
			return row.toMessage();
		}
		catch (StoreConflictException ex) {
			// Kept already (a retry, or the same id on another instance): the first one
			// stays.
			return this.tx.inTenant(message.tenant(), () -> this.inbox.findById(row.key()))
				.map(InboxRow::toMessage)
				.orElseThrow(() -> ex);
		}
	}

	@Override
	public List<InboxMessage> pending(TenantId tenant, String sessionId) {
		return Rows.map(this.tx.inTenant(tenant, () -> this.inbox.pending(tenant.value(), sessionId)),
				InboxRow::toMessage);
	}

	@Override
	public Optional<InboxMessage> message(TenantId tenant, String sessionId, String messageId) {
		return this.tx
			.inTenant(tenant, () -> this.inbox.findById(new InboxRow.Key(tenant.value(), sessionId, messageId)))
			.map(InboxRow::toMessage);
	}

	@Override
	public void answer(TenantId tenant, String sessionId, List<String> messageIds, int turn) {
		if (messageIds.isEmpty()) {
			return;
		}
		this.tx.inTenant(tenant, () -> this.inbox.answer(tenant.value(), sessionId, messageIds, turn));
	}

}
