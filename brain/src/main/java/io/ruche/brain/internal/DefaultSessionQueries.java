package io.ruche.brain.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ruche.brain.SessionQueries;
import io.ruche.brain.SessionView;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The store-backed {@link SessionQueries}.
 */
public final class DefaultSessionQueries implements SessionQueries {

	private final AgentStore agents;

	private final ScenarioStore scenarios;

	private final SessionStore sessions;

	private final TurnStore turns;

	public DefaultSessionQueries(AgentStore agents, ScenarioStore scenarios, SessionStore sessions, TurnStore turns) {
		this.agents = agents;
		this.scenarios = scenarios;
		this.sessions = sessions;
		this.turns = turns;
	}

	@Override
	public Optional<SessionView> session(TenantId tenant, String id) {
		return this.sessions.find(tenant, id).map((session) -> {
			String agentName = this.agents.find(tenant, session.agentId()).map(Agent::name).orElse(null);
			String scenarioId = session.state().scenarioId();
			String scenarioName = (scenarioId != null)
					? this.scenarios.find(tenant, session.agentId(), scenarioId).map(Scenario::name).orElse(null)
					: null;
			return new SessionView(session, agentName, scenarioName);
		});
	}

	@Override
	public Page<SessionView> sessions(TenantId tenant, @Nullable String agentId, PageRequest request) {
		Page<Session> page = this.sessions.list(tenant, agentId, request);
		Map<String, String> agentNames = this.agents.list(tenant)
			.stream()
			.collect(Collectors.toMap(Agent::id, Agent::name));
		Map<String, Map<String, String>> scenarioNames = new HashMap<>();
		List<SessionView> views = page.items().stream().map((session) -> {
			String scenarioId = session.state().scenarioId();
			String scenarioName = (scenarioId != null) ? scenarioNames
				.computeIfAbsent(session.agentId(),
						(agent) -> this.scenarios.list(tenant, agent)
							.stream()
							.collect(Collectors.toMap(Scenario::id, Scenario::name)))
				.get(scenarioId) : null;
			return new SessionView(session, agentNames.get(session.agentId()), scenarioName);
		}).toList();
		return new Page<>(views, page.nextCursor());
	}

	@Override
	public List<TurnRecord> turns(TenantId tenant, String sessionId) {
		return this.turns.turns(tenant, sessionId);
	}

	@Override
	public Optional<Trace> trace(TenantId tenant, String traceId) {
		return this.turns.trace(tenant, traceId);
	}

}
