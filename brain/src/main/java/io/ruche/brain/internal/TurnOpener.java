package io.ruche.brain.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.TurnOutcome;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.SessionLifetime;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the agent, session and interlocutor of a call, creating the session and the
 * interlocutor when absent.
 */
final class TurnOpener {

	/** An expected failure, turned into a {@link TurnOutcome} of any result type. */
	sealed interface Failure {

		<T> TurnOutcome<T> outcome();

		record UnknownAgent(String ref) implements Failure {

			@Override
			public <T> TurnOutcome<T> outcome() {
				return new TurnOutcome.UnknownAgent<>(this.ref);
			}

		}

		record UnknownSession(String ref) implements Failure {

			@Override
			public <T> TurnOutcome<T> outcome() {
				return new TurnOutcome.UnknownSession<>(this.ref);
			}

		}

		record SessionClosed(String id) implements Failure {

			@Override
			public <T> TurnOutcome<T> outcome() {
				return new TurnOutcome.SessionClosed<>(this.id);
			}

		}

	}

	/** The agent of a call, or why there is none. */
	sealed interface AgentLookup {

		record Found(Agent agent) implements AgentLookup {
		}

		record Missing(Failure failure) implements AgentLookup {
		}

	}

	/** The session of a call, found or new, or why there is none. */
	sealed interface SessionLookup {

		record Found(Session session, boolean created) implements SessionLookup {
		}

		record Missing(Failure failure) implements SessionLookup {
		}

	}

	/** The interlocutor of a session, and whether it is new (saved with the turn). */
	record InterlocutorLookup(Interlocutor interlocutor, boolean created) {
	}

	private final AgentStore agents;

	private final SessionStore sessions;

	private final InterlocutorStore interlocutors;

	private final Clock clock;

	private final Keyring keyring;

	TurnOpener(AgentStore agents, SessionStore sessions, InterlocutorStore interlocutors, Clock clock,
			Keyring keyring) {
		this.keyring = keyring;
		this.agents = agents;
		this.sessions = sessions;
		this.interlocutors = interlocutors;
		this.clock = clock;
	}

	AgentLookup agent(TenantId tenant, @Nullable String agentRef, @Nullable String sessionRef) {
		if (agentRef != null && !agentRef.isBlank()) {
			Optional<Agent> agent = this.agents.find(tenant, agentRef);
			if (agent.isEmpty()) {
				agent = this.agents.findByName(tenant, agentRef);
			}
			return found(agent, agentRef);
		}
		if (sessionRef != null) {
			Optional<Session> session = this.sessions.find(tenant, sessionRef);
			if (session.isEmpty()) {
				return new AgentLookup.Missing(new Failure.UnknownSession(sessionRef));
			}
			return found(this.agents.find(tenant, session.get().agentId()), session.get().agentId());
		}
		return new AgentLookup.Missing(new Failure.UnknownAgent(""));
	}

	private static AgentLookup found(Optional<Agent> agent, String ref) {
		return agent.<AgentLookup>map(AgentLookup.Found::new)
			.orElseGet(() -> new AgentLookup.Missing(new Failure.UnknownAgent(ref)));
	}

	SessionLookup session(Agent agent, @Nullable String sessionRef, String newId, @Nullable String interlocutorRef,
			@Nullable String channel) {
		if (sessionRef != null) {
			Optional<Session> found = this.sessions.find(agent.tenant(), sessionRef);
			if (found.isEmpty() || !found.get().agentId().equals(agent.id())) {
				return new SessionLookup.Missing(new Failure.UnknownSession(sessionRef));
			}
			SessionLifetime lifetime = SessionLifetime.from(agent.settings().extra());
			if (lifetime.statusOf(found.get(), this.clock.instant()) == SessionStatus.CLOSED) {
				return new SessionLookup.Missing(new Failure.SessionClosed(sessionRef));
			}
			return new SessionLookup.Found(opened(found.get()), false);
		}
		Instant now = this.clock.instant();
		String interlocutor = (interlocutorRef != null && !interlocutorRef.isBlank()) ? interlocutorRef
				: Ids.newId("itl");
		Session created = new Session(agent.tenant(), newId, agent.id(), interlocutor,
				(channel != null) ? channel : "mcp", SessionStatus.ACTIVE, 0, SessionState.EMPTY, 0, now, now);
		return new SessionLookup.Found(created, true);
	}

	// The turn works on plaintext: personal values are opened when read and sealed again
	// when written (TurnPersistence).
	private Session opened(Session s) {
		return s.withVariables(PersonalValues.open(s.tenant(), this.keyring, s.state().variables()));
	}

	InterlocutorLookup interlocutor(Session session) {
		return this.interlocutors.find(session.tenant(), session.interlocutorId())
			.map((known) -> new InterlocutorLookup(
					known.withFields(PersonalValues.open(known.tenant(), this.keyring, known.fields())), false))
			.orElseGet(() -> new InterlocutorLookup(new Interlocutor(session.tenant(), session.interlocutorId(),
					Map.of(), Set.of(), this.clock.instant()), true));
	}

}
