package io.ruche.brain.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.SessionStatus;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the agent, session and interlocutor of a call, creating the session and the
 * interlocutor when absent.
 */
final class TurnOpener {

	/** An expected failure, turned into a {@link TurnOutcome} of any result type. */
	record Failure(boolean unknownAgent, String ref) {

		<T> TurnOutcome<T> outcome() {
			return this.unknownAgent ? new TurnOutcome.UnknownAgent<>(this.ref)
					: new TurnOutcome.UnknownSession<>(this.ref);
		}

	}

	/** An agent found, or the failure. */
	record AgentLookup(@Nullable Agent agent, @Nullable Failure failure) {
	}

	/** A session found or created, or the failure. */
	record SessionLookup(@Nullable Session session, boolean created, @Nullable Failure failure) {
	}

	private final BrainPorts ports;

	TurnOpener(BrainPorts ports) {
		this.ports = ports;
	}

	AgentLookup agent(TenantId tenant, @Nullable String agentRef, @Nullable String sessionRef) {
		if (agentRef != null && !agentRef.isBlank()) {
			Optional<Agent> agent = this.ports.agents().find(tenant, agentRef);
			if (agent.isEmpty()) {
				agent = this.ports.agents().findByName(tenant, agentRef);
			}
			return agent.map((a) -> new AgentLookup(a, null))
				.orElseGet(() -> new AgentLookup(null, new Failure(true, agentRef)));
		}
		if (sessionRef != null) {
			Optional<Session> session = this.ports.sessions().find(tenant, sessionRef);
			if (session.isEmpty()) {
				return new AgentLookup(null, new Failure(false, sessionRef));
			}
			return this.ports.agents()
				.find(tenant, session.get().agentId())
				.map((a) -> new AgentLookup(a, null))
				.orElseGet(() -> new AgentLookup(null, new Failure(true, session.get().agentId())));
		}
		return new AgentLookup(null, new Failure(true, ""));
	}

	SessionLookup session(Agent agent, @Nullable String sessionRef, String newId, @Nullable String interlocutorRef,
			@Nullable String channel) {
		if (sessionRef != null) {
			Optional<Session> found = this.ports.sessions().find(agent.tenant(), sessionRef);
			if (found.isEmpty() || !found.get().agentId().equals(agent.id())) {
				return new SessionLookup(null, false, new Failure(false, sessionRef));
			}
			return new SessionLookup(found.get(), false, null);
		}
		Instant now = this.ports.clock().instant();
		String interlocutor = (interlocutorRef != null && !interlocutorRef.isBlank()) ? interlocutorRef
				: Ids.newId("itl");
		Session created = new Session(agent.tenant(), newId, agent.id(), interlocutor,
				(channel != null) ? channel : "mcp", SessionStatus.ACTIVE, 0, SessionState.EMPTY, 0, now, now);
		return new SessionLookup(created, true, null);
	}

	/** The interlocutor of a session, and whether it is new (saved with the turn). */
	record Found(Interlocutor interlocutor, boolean created) {
	}

	Found interlocutor(Session session) {
		return this.ports.interlocutors()
			.find(session.tenant(), session.interlocutorId())
			.map((i) -> new Found(i, false))
			.orElseGet(() -> new Found(new Interlocutor(session.tenant(), session.interlocutorId(), Map.of(), Set.of(),
					this.ports.clock().instant()), true));
	}

}
