package io.ruche.testkit.contract.brain;

import java.time.Instant;
import java.util.List;

import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Turns;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link TurnStore} adapter shares.
 */
public abstract class AbstractTurnStoreContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private final String sessionId = Moments.uniqueId("ses");

	private TurnStore store;

	protected abstract TurnStore createStore();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpStore() {
		onStart();
		this.store = createStore();
	}

	@AfterEach
	void closeStore() {
		onClose();
	}

	private TurnRecord record(int turn, @Nullable String response) {
		String traceId = Moments.uniqueId("trc");
		TurnRecord record = Turns.aTurn(this.tenant, this.sessionId, turn, response, traceId);
		this.store.record(record, Turns.aTrace(this.tenant, traceId, this.sessionId, turn));
		return record;
	}

	@Test
	void recordsTurnsOldestFirstWithTheirTraces() {
		TurnRecord second = record(2, "it ships today");
		TurnRecord first = record(1, "hello");

		assertThat(this.store.turns(this.tenant, this.sessionId)).containsExactly(first, second);
		Trace trace = this.store.trace(this.tenant, first.traceId()).orElseThrow();
		Trace expected = Turns.aTrace(this.tenant, first.traceId(), this.sessionId, 1);
		assertThat(trace).usingRecursiveComparison().ignoringFields("at").isEqualTo(expected);
		assertThat(trace.phases()).hasSize(2);
		assertThat(trace.phases().get(0).decisions()).containsEntry("reason", "similar");
	}

	@Test
	void rejectsDuplicateTurnNumberAndKeepsNeither() {
		record(1, "hello");
		String traceId = Moments.uniqueId("trc");
		TurnRecord duplicate = Turns.aTurn(this.tenant, this.sessionId, 1, "again", traceId);

		assertThatExceptionOfType(StoreConflictException.class)
			.isThrownBy(() -> this.store.record(duplicate, Turns.aTrace(this.tenant, traceId, this.sessionId, 1)));
		assertThat(this.store.trace(this.tenant, traceId)).isEmpty();
		assertThat(this.store.turns(this.tenant, this.sessionId)).hasSize(1);
	}

	@Test
	void commitsResponseOnlyOnce() {
		record(1, null);

		boolean first = this.store.commitResponse(this.tenant, this.sessionId, 1, "draft accepted");
		boolean second = this.store.commitResponse(this.tenant, this.sessionId, 1, "other");

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.store.commitResponse(this.tenant, this.sessionId, 9, "none")).isFalse();
		assertThat(this.store.turns(this.tenant, this.sessionId).get(0).response()).isEqualTo("draft accepted");
	}

	@Test
	void findsTheLatestTurnOfAMessageId() {
		record(1, "hello");
		String firstTrace = Moments.uniqueId("trc");
		this.store.record(Turns.aTurn(this.tenant, this.sessionId, 2, null, firstTrace, "msg-7"),
				Turns.aTrace(this.tenant, firstTrace, this.sessionId, 2));
		String retryTrace = Moments.uniqueId("trc");
		TurnRecord retry = Turns.aTurn(this.tenant, this.sessionId, 3, "paid", retryTrace, "msg-7");
		this.store.record(retry, Turns.aTrace(this.tenant, retryTrace, this.sessionId, 3));

		assertThat(this.store.turnForMessage(this.tenant, this.sessionId, "msg-7")).contains(retry);
		assertThat(this.store.turns(this.tenant, this.sessionId).get(1).messageId()).isEqualTo("msg-7");
		assertThat(this.store.turns(this.tenant, this.sessionId).get(0).messageId()).isNull();
		assertThat(this.store.turnForMessage(this.tenant, this.sessionId, "msg-8")).isEmpty();
		assertThat(this.store.turnForMessage(this.tenant, Moments.uniqueId("ses"), "msg-7")).isEmpty();
		assertThat(this.store.turnForMessage(Moments.uniqueTenant(), this.sessionId, "msg-7")).isEmpty();
	}

	@Test
	void isolatesTenants() {
		TurnRecord turn = record(1, null);
		TenantId other = Moments.uniqueTenant();

		assertThat(this.store.turns(other, this.sessionId)).isEmpty();
		assertThat(this.store.trace(other, turn.traceId())).isEmpty();
		assertThat(this.store.commitResponse(other, this.sessionId, 1, "x")).isFalse();
		assertThat(this.store.trace(this.tenant, "trc_missing")).isEmpty();
	}

	@Test
	void keepsAMessageOnceAndListsTheWaitingOnesOldestFirst() {
		Instant now = Moments.now();
		InboxMessage second = message("m-2", "and my order is 42", now.plusMillis(5));
		InboxMessage first = message("m-1", "I want a refund", now);

		assertThat(this.store.receive(second)).isEqualTo(second);
		assertThat(this.store.receive(first)).isEqualTo(first);
		InboxMessage again = this.store.receive(message("m-2", "another text", now.plusSeconds(1)));

		assertThat(again).isEqualTo(second);
		assertThat(this.store.pending(this.tenant, this.sessionId)).containsExactly(first, second);
		assertThat(this.store.message(this.tenant, this.sessionId, "m-1")).contains(first);
		assertThat(this.store.message(this.tenant, this.sessionId, "m-9")).isEmpty();
		assertThat(this.store.pending(Moments.uniqueTenant(), this.sessionId)).isEmpty();
		assertThat(this.store.message(Moments.uniqueTenant(), this.sessionId, "m-1")).isEmpty();
	}

	@Test
	void answeredMessagesNameTheirTurnAndWaitNoMore() {
		Instant now = Moments.now();
		this.store.receive(message("m-1", "hello", now));
		this.store.receive(message("m-2", "are you there?", now.plusMillis(1)));
		this.store.receive(message("m-3", "later", now.plusMillis(2)));

		this.store.answer(this.tenant, this.sessionId, List.of("m-1", "m-2"), 4);
		this.store.answer(this.tenant, this.sessionId, List.of("m-2"), 5);
		this.store.answer(this.tenant, this.sessionId, List.of(), 6);

		assertThat(this.store.pending(this.tenant, this.sessionId)).extracting(InboxMessage::messageId)
			.containsExactly("m-3");
		assertThat(this.store.message(this.tenant, this.sessionId, "m-2").orElseThrow().turn()).isEqualTo(4);
		assertThat(this.store.message(this.tenant, this.sessionId, "m-3").orElseThrow().turn()).isNull();
	}

	private InboxMessage message(String id, String text, Instant at) {
		return new InboxMessage(this.tenant, this.sessionId, id, text, at, null);
	}

}
