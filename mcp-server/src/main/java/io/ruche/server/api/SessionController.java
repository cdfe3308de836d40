package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.SessionQueries;
import io.ruche.brain.SessionView;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.AuditLog;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.SessionJson;
import io.ruche.server.wire.TraceJson;
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
 * log. Sessions and traces are the JSON of the MCP tools {@code session_get} and
 * {@code trace_get} ({@link SessionJson}, {@link TraceJson}): one mapping, two edges.
 */
@RestController
@Tag(name = "Sessions and traces", description = "Conversation sessions, their turns, turn traces and audit records")
public class SessionController {

	private final SessionQueries queries;

	private final AuditLog audit;

	private final AgentConfiguration configuration;

	public SessionController(SessionQueries queries, AuditLog audit, AgentConfiguration configuration) {
		this.queries = queries;
		this.audit = audit;
		this.configuration = configuration;
	}

	@GetMapping("/api/sessions")
	@Operation(summary = "List sessions, most recently updated first, optionally of one agent (viewer); paginated; "
			+ "each is session_get without turns, with turn_count and version")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		principal.require(Role.VIEWER, "listing sessions");
		String agentId = (agent != null && !agent.isBlank()) ? this.configuration.agent(principal.tenant(), agent).id()
				: null;
		Page<SessionView> page = this.queries.sessions(principal.tenant(), agentId, Http.page(limit, cursor));
		return Http.pageBody(page, SessionJson::summary);
	}

	@GetMapping("/api/sessions/{id}")
	@Operation(summary = "Read a session with its turns, as session_get (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String id) {
		principal.require(Role.VIEWER, "reading sessions");
		SessionView session = this.queries.session(principal.tenant(), id)
			.orElseThrow(() -> new UnknownObjectException("session", id));
		return Http.versioned(SessionJson.write(session, this.queries.turns(principal.tenant(), id)),
				session.session().version());
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
	@Operation(summary = "The trace of one turn, as trace_get: its phases in order, with durations and decisions "
			+ "(viewer)")
	public Map<String, Object> trace(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		principal.require(Role.VIEWER, "reading traces");
		return TraceJson.write(
				this.queries.trace(principal.tenant(), id).orElseThrow(() -> new UnknownObjectException("trace", id)));
	}

	@GetMapping("/api/audit")
	@Operation(summary = "The tenant's audit log, newest first (admin); paginated")
	public Map<String, Object> auditLog(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		principal.require(Role.ADMIN, "reading the audit log");
		return Http.pageBody(this.audit.list(principal.tenant(), Http.page(limit, cursor)), SessionController::audit);
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
