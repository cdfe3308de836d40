package io.ruche.brain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.SessionLifetime;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A session turns idle, then closed, after the agent's quiet times, or is closed on
 * demand; a closed session takes no more turns.
 */
class SessionLifecycleTests {

	private static final Actor CLIENT = Actor.key("key_1", Role.CLIENT);

	private final InMemoryBrain brain = new InMemoryBrain();

	private Instant now = Instant.parse("2026-12-01T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return SessionLifecycleTests.this.now;
		}

	};

	private final TurnPipeline pipeline;

	private final SessionQueries queries;

	SessionLifecycleTests() {
		this.brain.agents.save(new Agent(TENANT, AGENT, "shop", "shop", "You help.",
				new AgentSettings("Let me check.", 1, Map.of("idle_after", "10", "close_after", "PT2H")), List.of(), 0,
				Instant.EPOCH));
		this.brain.addRule(new Rule(TENANT, AGENT, "hours", "hours",
				new Rule.RuleContent("customer asks about the opening hours", "give them", RuleScope.GLOBAL, null,
						new Template("Open 9 to 5.", TemplateMode.EXCLUSIVE), List.of(), List.of(),
						Rule.FiringLimits.NONE),
				0, true, 1, null, Instant.EPOCH));
		this.pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS, this.brain.ports().clock(this.clock).build());
		this.queries = SessionQueries.create(this.brain.agents, this.brain.scenarios, this.brain.sessions,
				this.brain.turns, this.brain.interlocutors, this.clock);
	}

	private TurnOutcome<ConverseResult> ask(String session) {
		return this.pipeline.converse(
				new ConverseRequest(TENANT, CLIENT, "shop", "when are you open?", session, null, null, null, null));
	}

	private SessionStatus status(String session) {
		return this.queries.session(TENANT, session).orElseThrow().status();
	}

	@Test
	void aQuietSessionTurnsIdleThenClosedAndRefusesTurns() {
		String session = ((TurnOutcome.Completed<ConverseResult>) ask(null)).result().session();
		assertThat(status(session)).isEqualTo(SessionStatus.ACTIVE);

		this.now = this.now.plus(Duration.ofMinutes(11));
		assertThat(status(session)).isEqualTo(SessionStatus.IDLE);
		assertThat(ask(session)).isInstanceOf(TurnOutcome.Completed.class);
		assertThat(status(session)).isEqualTo(SessionStatus.ACTIVE);

		this.now = this.now.plus(Duration.ofHours(2));
		assertThat(status(session)).isEqualTo(SessionStatus.CLOSED);
		TurnOutcome<ConverseResult> refused = ask(session);
		assertThat(refused).isInstanceOf(TurnOutcome.SessionClosed.class);
		assertThat(((TurnOutcome.SessionClosed<ConverseResult>) refused).message()).contains("is closed")
			.contains("omitting 'session'");
	}

	@Test
	void aClosedSessionRefusesTurnsAndClosingAgainChangesNothing() {
		String session = ((TurnOutcome.Completed<ConverseResult>) ask(null)).result().session();

		TurnOutcome<?> closed = this.pipeline.close(TENANT, CLIENT, session);
		this.now = this.now.plusSeconds(5);
		TurnOutcome<?> again = this.pipeline.close(TENANT, CLIENT, session);

		assertThat(closed).isInstanceOf(TurnOutcome.Completed.class);
		assertThat(again).isEqualTo(closed);
		assertThat(status(session)).isEqualTo(SessionStatus.CLOSED);
		assertThat(ask(session)).isInstanceOf(TurnOutcome.SessionClosed.class);
		assertThat(this.pipeline.close(TENANT, CLIENT, "ses_missing")).isInstanceOf(TurnOutcome.UnknownSession.class);
		assertThat(this.brain.audit.records).anyMatch((record) -> record.action().equals("session.close"));
	}

	@Test
	void lifetimesAreReadAsMinutesOrIsoDurationsAndChecked() {
		assertThat(SessionLifetime.from(Map.of())).isEqualTo(SessionLifetime.DEFAULTS);
		assertThat(SessionLifetime.from(Map.of("idle_after", "45", "close_after", "P1D")))
			.isEqualTo(new SessionLifetime(Duration.ofMinutes(45), Duration.ofDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> SessionLifetime.from(Map.of("idle_after", "soon")))
			.withMessageContaining("idle_after must be an ISO-8601 duration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SessionLifetime.from(Map.of("idle_after", "PT3H", "close_after", "PT2H")))
			.withMessageContaining("close_after longer than idle_after");
	}

}
