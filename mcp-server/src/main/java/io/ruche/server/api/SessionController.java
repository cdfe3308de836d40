package io.ruche.server.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only inspection: sessions with their turns, the trace of each turn, and the audit
 * log.
 */
@RestController
@Tag(name = "Sessions and traces", description = "Conversation sessions, their turns, turn traces and audit records")
public class SessionController {

	private final SessionStore sessions;

	private final TurnStore turns;

	private final AuditLog audit;

	private final AgentConfiguration configuration;

	public SessionController(SessionStore sessions, TurnStore turns, AuditLog audit, AgentConfiguration configuration) {
		this.sessions = sessions;
		this.turns = turns;
		this.audit = audit;
		this.configuration = configuration;
	}

	@GetMapping("/api/sessions")
	@Operation(summary = "List sessions, most recently updated first, optionally of one agent (viewer); paginated")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		principal.require(Role.VIEWER, "listing sessions");
		String agentId = (agent != null && !agent.isBlank()) ? this.configuration.agent(principal.tenant(), agent).id()
				: null;
		Page<Session> page = this.sessions.list(principal.tenant(), agentId, Http.page(limit, cursor));
		Map<String, String> names = agentNames(principal.tenant());
		return Http.pageBody(page, (s) -> session(s, names));
	}

	@GetMapping("/api/sessions/{id}")
	@Operation(summary = "Read a session with its turns (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String id) {
		principal.require(Role.VIEWER, "reading sessions");
		Session session = this.sessions.find(principal.tenant(), id)
			.orElseThrow(() -> new UnknownObjectException("session", id));
		Map<String, Object> body = session(session, agentNames(principal.tenant()));
		body.put("turns", this.turns.turns(principal.tenant(), id).stream().map(SessionController::turn).toList());
		return Http.versioned(body, session.version());
	}

	@GetMapping("/api/sessions/{id}/audit")
	@Operation(summary = "The audit records of one session, oldest first (viewer)")
	public Map<String, Object> sessionAudit(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		principal.require(Role.VIEWER, "reading audit records");
		return Http.pageBody(
				this.audit.listForSession(principal.tenant(), id).stream().map(SessionController::audit).toList(),
				null);
	}

	@GetMapping("/api/traces/{id}")
	@Operation(summary = "The trace of one turn: its phases in order, with durations and decisions (viewer)")
	public Map<String, Object> trace(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		principal.require(Role.VIEWER, "reading traces");
		Trace trace = this.turns.trace(principal.tenant(), id)
			.orElseThrow(() -> new UnknownObjectException("trace", id));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", trace.id());
		body.put("session", trace.sessionId());
		body.put("turn", trace.turn());
		body.put("at", trace.at().toString());
		body.put("duration_ms", trace.phases().stream().mapToDouble(Trace.Phase::durationMs).sum());
		body.put("phases", trace.phases().stream().map((p) -> {
			Map<String, Object> phase = new LinkedHashMap<>();
			phase.put("name", p.name());
			phase.put("duration_ms", p.durationMs());
			phase.put("status", p.status());
			phase.put("decisions", p.decisions());
			return phase;
		}).toList());
		return body;
	}

	@GetMapping("/api/audit")
	@Operation(summary = "The tenant's audit log, newest first (admin); paginated")
	public Map<String, Object> auditLog(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		principal.require(Role.ADMIN, "reading the audit log");
		return Http.pageBody(this.audit.list(principal.tenant(), Http.page(limit, cursor)), SessionController::audit);
	}

	private Map<String, String> agentNames(TenantId tenant) {
		Map<String, String> names = new HashMap<>();
		for (Agent agent : this.configuration.listAgents(tenant)) {
			names.put(agent.id(), agent.name());
		}
		return names;
	}

	private static Map<String, Object> session(Session session, Map<String, String> agentNames) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", session.id());
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("id", session.agentId());
		agent.put("name", agentNames.getOrDefault(session.agentId(), session.agentId()));
		map.put("agent", agent);
		map.put("interlocutor", session.interlocutorId());
		map.put("channel", session.channel());
		map.put("status", session.status().name().toLowerCase(java.util.Locale.ROOT));
		map.put("turn_count", session.turnCount());
		Session.SessionState state = session.state();
		if (state.scenarioId() != null) {
			map.put("scenario", Map.of("id", state.scenarioId(), "step", String.valueOf(state.stepId())));
		}
		map.put("variables", state.variables());
		map.put("step_history", state.stepHistory()
			.stream()
			.map((v) -> Map.of("scenario", v.scenarioId(), "step", v.stepId(), "turn", v.turn(), "reason", v.reason()))
			.toList());
		map.put("version", session.version());
		map.put("created_at", session.createdAt().toString());
		map.put("updated_at", session.updatedAt().toString());
		return map;
	}

	private static Map<String, Object> turn(TurnRecord turn) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("turn", turn.turn());
		map.put("message", turn.message());
		map.put("response", turn.response());
		map.put("mode", turn.mode());
		map.put("matched_rules",
				turn.matchedRules()
					.stream()
					.map((r) -> Map.<String, Object>of("id", r.id(), "name", r.name(), "score", r.score()))
					.toList());
		if (turn.scenarioId() != null) {
			map.put("scenario", Map.of("id", turn.scenarioId(), "step", String.valueOf(turn.stepId())));
		}
		map.put("tool_calls",
				turn.toolCalls().stream().map((c) -> Map.of("tool", c.tool(), "status", c.status())).toList());
		map.put("trace", turn.traceId());
		map.put("at", turn.at().toString());
		return map;
	}

	static Map<String, Object> audit(AuditRecord record) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", record.id());
		map.put("at", record.at().toString());
		map.put("actor", record.actor());
		map.put("action", record.action());
		map.put("subject", record.subject());
		if (record.sessionId() != null) {
			map.put("session", record.sessionId());
		}
		map.put("outcome", record.outcome());
		map.put("duration_ms", record.durationMs());
		map.put("details", record.details());
		return map;
	}

}
