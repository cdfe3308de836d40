package io.ruche.brain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.ruche.brain.internal.DefaultSessionQueries;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Reads conversations for inspection: sessions with the names of their agent and active
 * scenario, their turns, and the traces of turns. The edges (MCP tools and resources,
 * REST) read through it rather than through the store ports.
 */
public interface SessionQueries {

	/**
	 * Creates the queries over the brain's stores.
	 * @param agents the agent store, for agent names
	 * @param scenarios the scenario store, for scenario names
	 * @param sessions the session store
	 * @param turns the turn store, for turns and traces
	 * @param interlocutors the interlocutor store, for profiles
	 * @param clock the time a session's status is computed at
	 * @return the queries
	 */
	static SessionQueries create(AgentStore agents, ScenarioStore scenarios, SessionStore sessions, TurnStore turns,
			InterlocutorStore interlocutors, Clock clock) {
		return new DefaultSessionQueries(agents, scenarios, sessions, turns, interlocutors, clock);
	}

	/**
	 * Finds a session.
	 * @param tenant the tenant
	 * @param id the session id
	 * @return the session with its names, or empty
	 */
	Optional<SessionView> session(TenantId tenant, String id);

	/**
	 * Lists sessions, most recently updated first; names are read once per page, not once
	 * per session.
	 * @param tenant the tenant
	 * @param agentId only this agent's sessions, or null for all
	 * @param request the page wanted
	 * @return one page
	 */
	Page<SessionView> sessions(TenantId tenant, @Nullable String agentId, PageRequest request);

	/**
	 * Lists a session's turns, oldest first.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @return the turns; empty for an unknown session
	 */
	List<TurnRecord> turns(TenantId tenant, String sessionId);

	/**
	 * Finds the trace of a turn.
	 * @param tenant the tenant
	 * @param traceId the trace id
	 * @return the trace, or empty
	 */
	Optional<Trace> trace(TenantId tenant, String traceId);

	/**
	 * Finds an interlocutor's profile.
	 * @param tenant the tenant
	 * @param id the interlocutor id
	 * @return the profile, or empty
	 */
	Optional<Interlocutor> interlocutor(TenantId tenant, String id);

}
