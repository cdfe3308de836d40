package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.security.Principal;

/**
 * Reads sessions and traces as the JSON of {@code session_get} and {@code trace_get}, and
 * serves them as the resources {@code ruche://sessions/{session}} and
 * {@code ruche://traces/{trace}}.
 */
public final class SessionViews {

	private static final Pattern SESSION_URI = Pattern.compile("ruche://sessions/([^/]+)");

	private static final Pattern TRACE_URI = Pattern.compile("ruche://traces/([^/]+)");

	private final SessionStore sessions;

	private final TurnStore turns;

	private final AgentStore agents;

	private final ScenarioStore scenarios;

	public SessionViews(SessionStore sessions, TurnStore turns, AgentStore agents, ScenarioStore scenarios) {
		this.sessions = sessions;
		this.turns = turns;
		this.agents = agents;
		this.scenarios = scenarios;
	}

	/**
	 * A session with its turns.
	 * @param tenant the tenant
	 * @param id the session id
	 * @return the JSON of {@code session_get}
	 * @throws UnknownObjectException when the tenant has no such session
	 */
	public Map<String, Object> session(TenantId tenant, String id) {
		Session session = this.sessions.find(tenant, id).orElseThrow(() -> new UnknownObjectException("session", id));
		Map<String, Object> map = summary(session);
		map.remove("turn_count");
		map.remove("version");
		map.put("turns", this.turns.turns(tenant, id).stream().map(SessionViews::turn).toList());
		return map;
	}

	/**
	 * A session without its turns, in the shape of {@code session_get} (every field but
	 * {@code turns}) plus {@code turn_count} and {@code version}; the REST listing uses
	 * it.
	 * @param session the session
	 * @return its JSON, mutable
	 */
	public Map<String, Object> summary(Session session) {
		TenantId tenant = session.tenant();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", session.id());
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("id", session.agentId());
		agent.put("name", this.agents.find(tenant, session.agentId()).map(Agent::name).orElse(null));
		map.put("agent", agent);
		map.put("interlocutor", session.interlocutorId());
		map.put("channel", session.channel());
		map.put("status", session.status().name().toLowerCase(Locale.ROOT));
		map.put("turn_count", session.turnCount());
		Session.SessionState state = session.state();
		if (state.scenarioId() != null && state.stepId() != null) {
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("id", state.scenarioId());
			scenario.put("name",
					this.scenarios.find(tenant, session.agentId(), state.scenarioId())
						.map(Scenario::name)
						.orElse(null));
			scenario.put("step", state.stepId());
			map.put("scenario", scenario);
		}
		else {
			map.put("scenario", null);
		}
		map.put("variables", new TreeMap<>(state.variables()));
		map.put("abandoned_scenarios",
				state.scenarioMemory()
					.abandoned()
					.reversed()
					.stream()
					.map((left) -> abandoned(tenant, session.agentId(), left))
					.toList());
		map.put("version", session.version());
		map.put("created_at", session.createdAt().toString());
		map.put("updated_at", session.updatedAt().toString());
		return map;
	}

	// A scenario left unfinished, most recent first, as a later turn may resume it.
	private Map<String, Object> abandoned(TenantId tenant, String agentId, Session.AbandonedScenario left) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", left.scenarioId());
		map.put("name", this.scenarios.find(tenant, agentId, left.scenarioId()).map(Scenario::name).orElse(null));
		map.put("step", left.stepId());
		map.put("fields", new TreeMap<>(left.fields()));
		map.put("turn", left.turn());
		map.put("reason", left.reason());
		return map;
	}

	private static Map<String, Object> turn(TurnRecord turn) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("turn", turn.turn());
		map.put("message", turn.message());
		map.put("response", turn.response());
		map.put("mode", turn.mode());
		map.put("matched_rules", ConversationTools.matchedRules(turn.matchedRules()));
		map.put("scenario", turn.scenarioId());
		map.put("step", turn.stepId());
		map.put("tool_calls",
				turn.toolCalls()
					.stream()
					.map((c) -> Map.<String, Object>of("tool", c.tool(), "status", c.status()))
					.toList());
		map.put("trace", turn.traceId());
		map.put("at", turn.at().toString());
		return map;
	}

	/**
	 * A trace.
	 * @param tenant the tenant
	 * @param id the trace id
	 * @return the JSON of {@code trace_get}
	 * @throws UnknownObjectException when the tenant has no such trace
	 */
	public Map<String, Object> trace(TenantId tenant, String id) {
		Trace trace = this.turns.trace(tenant, id).orElseThrow(() -> new UnknownObjectException("trace", id));
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", trace.id());
		map.put("session", trace.sessionId());
		map.put("turn", trace.turn());
		List<Map<String, Object>> phases = trace.phases().stream().map((phase) -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("name", phase.name());
			p.put("duration_ms", Math.round(phase.durationMs() * 1000) / 1000.0);
			p.put("status", phase.status());
			p.put("decisions", phase.decisions());
			return p;
		}).toList();
		map.put("phases", phases);
		map.put("at", trace.at().toString());
		return map;
	}

	/**
	 * The resource {@code ruche://sessions/{session}}.
	 * @return the contributor
	 */
	public ResourceContributor sessionResource() {
		return new Contributor("ruche://sessions/{session}", "session",
				"A conversation session with its turns, active scenario and variables", SESSION_URI, true);
	}

	/**
	 * The resource {@code ruche://traces/{trace}}.
	 * @return the contributor
	 */
	public ResourceContributor traceResource() {
		return new Contributor("ruche://traces/{trace}", "trace", "The trace of one turn: its phases and decisions",
				TRACE_URI, false);
	}

	private final class Contributor implements ResourceContributor {

		private final String uriTemplate;

		private final String name;

		private final String description;

		private final Pattern pattern;

		private final boolean session;

		Contributor(String uriTemplate, String name, String description, Pattern pattern, boolean session) {
			this.uriTemplate = uriTemplate;
			this.name = name;
			this.description = description;
			this.pattern = pattern;
			this.session = session;
		}

		@Override
		public String uriTemplate() {
			return this.uriTemplate;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String description() {
			return this.description;
		}

		@Override
		public Object read(Principal principal, String uri) {
			principal.require(Role.VIEWER, "reading resources");
			Matcher matcher = this.pattern.matcher(uri);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("malformed URI");
			}
			String id = matcher.group(1);
			return this.session ? session(principal.tenant(), id) : trace(principal.tenant(), id);
		}

	}

}
