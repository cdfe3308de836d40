package io.ruche.stores.embedded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.PipelineSettings;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A turn's writes on the JDBC stores are one: when the database goes away after the
 * session's new state was written but before the turn was recorded, neither stays, and
 * the message sent again is the same turn (same number, so the same idempotency keys).
 */
class H2TurnAtomicityTests {

	private final JdbcStores stores = H2TestDatabase.stores();

	private final TenantId tenant = Moments.uniqueTenant();

	private final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();

	private final AtomicBoolean databaseLost = new AtomicBoolean();

	@Test
	void aTurnCutShortBetweenItsWritesLeavesNeither() {
		TurnPipeline pipeline = pipeline();
		ConverseResult first = completed(
				pipeline.converse(ConverseRequest.of(this.tenant, "till", "what are the shop opening hours?")));

		this.databaseLost.set(true);
		ConverseRequest second = ConverseRequest.of(this.tenant, "till", "and on sundays, what are the hours?")
			.inSession(first.session());
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> pipeline.converse(second));
		assertThat(this.stores.sessions().find(this.tenant, first.session()).orElseThrow().turnCount()).isEqualTo(1);

		this.databaseLost.set(false);
		ConverseResult retried = completed(pipeline.converse(second));
		assertThat(retried.turn()).isEqualTo(2);
		assertThat(this.stores.turns().turns(this.tenant, first.session())).extracting(TurnRecord::turn)
			.containsExactly(1, 2);
	}

	private TurnPipeline pipeline() {
		this.stores.agents()
			.save(new Agent(this.tenant, "agt_till", "till", "shop till", "You are the shop's assistant.",
					AgentSettings.DEFAULTS, List.of(), 0, Instant.EPOCH));
		String condition = "customer asks about the shop opening hours";
		this.stores.rules()
			.save(new Rule(this.tenant, "agt_till", "rul_hours", "hours",
					new Rule.RuleContent(condition, "give the hours", RuleScope.GLOBAL, null,
							new Template("We are open 9 to 17.", TemplateMode.EXCLUSIVE), List.of(), List.of(),
							Rule.FiringLimits.NONE),
					0, true, 0, null, Instant.EPOCH), this.embeddings.embed(condition));
		BrainPorts ports = BrainPorts
			.builder(this.stores.agents(), this.stores.rules(), this.stores.scenarios(), this.stores.sessions(),
					losing(this.stores.turns()), this.stores.interlocutors(), this.embeddings,
					EmbeddedStores.sessionLocks(), this.stores.auditLog())
			.transactions(this.stores.transactions())
			.build();
		return TurnPipeline.create(PipelineSettings.DEFAULTS, ports);
	}

	// The turn store as the database would be lost just before the turn is recorded.
	private TurnStore losing(TurnStore turns) {
		return new TurnStore() {
			@Override
			public void record(TurnRecord turn, Trace trace) {
				if (H2TurnAtomicityTests.this.databaseLost.get()) {
					throw new StoreUnavailableException("the database is unavailable",
							new java.net.ConnectException("connection lost"));
				}
				turns.record(turn, trace);
			}

			@Override
			public List<TurnRecord> turns(TenantId tenant, String sessionId) {
				return turns.turns(tenant, sessionId);
			}

			@Override
			public Optional<TurnRecord> turnForMessage(TenantId tenant, String sessionId, String messageId) {
				return turns.turnForMessage(tenant, sessionId, messageId);
			}

			@Override
			public Optional<Trace> trace(TenantId tenant, String traceId) {
				return turns.trace(tenant, traceId);
			}

			@Override
			public boolean commitResponse(TenantId tenant, String sessionId, int turn, String response) {
				return turns.commitResponse(tenant, sessionId, turn, response);
			}

			@Override
			public InboxMessage receive(InboxMessage message) {
				return turns.receive(message);
			}

			@Override
			public List<InboxMessage> pending(TenantId tenant, String sessionId) {
				return turns.pending(tenant, sessionId);
			}

			@Override
			public Optional<InboxMessage> message(TenantId tenant, String sessionId, String messageId) {
				return turns.message(tenant, sessionId, messageId);
			}

			@Override
			public void answer(TenantId tenant, String sessionId, List<String> messageIds, int turn) {
				turns.answer(tenant, sessionId, messageIds, turn);
			}
		};
	}

	private static <T> T completed(TurnOutcome<T> outcome) {
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<T>) outcome).result();
	}

}
