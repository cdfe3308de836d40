package io.ruche.brain.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ruche.brain.SessionQueries;
import io.ruche.brain.SessionView;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.SessionLifetime;
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
 * The store-backed {@link SessionQueries}.
 */
public final class DefaultSessionQueries implements SessionQueries {

	private final AgentStore agents;

	private final ScenarioStore scenarios;

	private final SessionStore sessions;

	private final TurnStore turns;

	private final InterlocutorStore interlocutors;

	private final Clock clock;

	public DefaultSessionQueries(AgentStore agents, ScenarioStore scenarios, SessionStore sessions, TurnStore turns,
			InterlocutorStore interlocutors, Clock clock) {
		this.interlocutors = interlocutors;
		this.agents = agents;
		this.scenarios = scenarios;
		this.sessions = sessions;
		this.turns = turns;
		this.clock = clock;
	}

	@Override
	public Optional<SessionView> session(TenantId tenant, String id) {
		return this.sessions.find(tenant, id).map((session) -> {
			Optional<Agent> agent = this.agents.find(tenant, session.agentId());
			Map<String, String> names = new HashMap<>();
			for (String scenarioId : referencedScenarios(session)) {
				this.scenarios.find(tenant, session.agentId(), scenarioId)
					.ifPresent((found) -> names.put(scenarioId, found.name()));
			}
			return view(session, agent.orElse(null), names);
		});
	}

	@Override
	public Page<SessionView> sessions(TenantId tenant, @Nullable String agentId, PageRequest request) {
		Page<Session> page = this.sessions.list(tenant, agentId, request);
		Map<String, Agent> agentsById = this.agents.list(tenant)
			.stream()
			.collect(Collectors.toMap(Agent::id, Function.identity()));
		Map<String, Map<String, String>> scenarioNames = new HashMap<>();
		List<SessionView> views = page.items().stream().map((session) -> {
			Map<String, String> names = referencedScenarios(session).isEmpty() ? Map.of()
					: scenarioNames.computeIfAbsent(session.agentId(),
							(agent) -> this.scenarios.list(tenant, agent)
								.stream()
								.collect(Collectors.toMap(Scenario::id, Scenario::name)));
			return view(session, agentsById.get(session.agentId()), names);
		}).toList();
		return new Page<>(views, page.nextCursor());
	}

	// The active scenario and those left unfinished: the ones a view names.
	private static Set<String> referencedScenarios(Session session) {
		Set<String> ids = new HashSet<>();
		if (session.state().scenarioId() != null) {
			ids.add(session.state().scenarioId());
		}
		session.state().scenarioMemory().abandoned().forEach((left) -> ids.add(left.scenarioId()));
		return ids;
	}

	private SessionView view(Session session, @Nullable Agent agent, Map<String, String> names) {
		String active = session.state().scenarioId();
		Map<String, String> abandoned = new HashMap<>();
		session.state().scenarioMemory().abandoned().forEach((left) -> {
			String name = names.get(left.scenarioId());
			if (name != null) {
				abandoned.put(left.scenarioId(), name);
			}
		});
		SessionLifetime lifetime = (agent != null) ? SessionLifetime.from(agent.settings().extra())
				: SessionLifetime.DEFAULTS;
		// Sealed personal values show as ***; only an export opens them.
		return new SessionView(session.withVariables(PersonalValues.shown(session.state().variables())),
				(agent != null) ? agent.name() : null, (active != null) ? names.get(active) : null, abandoned,
				lifetime.statusOf(session, this.clock.instant()));
	}

	@Override
	public List<TurnRecord> turns(TenantId tenant, String sessionId) {
		return this.turns.turns(tenant, sessionId);
	}

	@Override
	public Optional<Trace> trace(TenantId tenant, String traceId) {
		return this.turns.trace(tenant, traceId);
	}

	@Override
	public Optional<Interlocutor> interlocutor(TenantId tenant, String id) {
		return this.interlocutors.find(tenant, id)
			.map((profile) -> profile.withFields(PersonalValues.shown(profile.fields())));
	}

}
