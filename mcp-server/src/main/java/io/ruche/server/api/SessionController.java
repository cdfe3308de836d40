package io.ruche.server.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.SessionQueries;
import io.ruche.brain.SessionView;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.SessionStatus;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.AuditLog;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.InterlocutorJson;
import io.ruche.server.wire.InvalidArgumentsException;
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

	@RequiresRole(value = Role.VIEWER, operation = "listing sessions")
	@GetMapping("/api/sessions")
	@Operation(summary = "List sessions, most recently updated first, optionally of one agent and of one status "
			+ "(active, idle, closed) (viewer); paginated; each is session_get without turns, with turn_count and "
			+ "version. The status is computed as each page is read, so a filtered page may hold fewer items than "
			+ "the limit: follow next_cursor")
	public Map<String, Object> list(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		String agentId = (agent != null && !agent.isBlank()) ? this.configuration.agent(principal.tenant(), agent).id()
				: null;
		SessionStatus wanted = status(status);
		Page<SessionView> page = this.queries.sessions(principal.tenant(), agentId, Http.page(limit, cursor));
		if (wanted != null) {
			page = new Page<>(page.items().stream().filter((view) -> view.status() == wanted).toList(),
					page.nextCursor());
		}
		return Http.pageBody(page, SessionJson::summary);
	}

	private static @Nullable SessionStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return Arrays.stream(SessionStatus.values())
			.filter((known) -> known.name().equalsIgnoreCase(status.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidArgumentsException("status must be active, idle or closed"));
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading interlocutors")
	@GetMapping("/api/interlocutors/{id}")
	@Operation(summary = "Read an interlocutor's profile, as interlocutor_get (viewer): the collected fields marked "
			+ "profile, known to every later session of the same interlocutor")
	public Map<String, Object> interlocutor(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return InterlocutorJson.write(this.queries.interlocutor(principal.tenant(), id)
			.orElseThrow(() -> new UnknownObjectException("interlocutor", id)));
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading sessions")
	@GetMapping("/api/sessions/{id}")
	@Operation(summary = "Read a session with its turns, as session_get (viewer); the ETag is its version")
	public ResponseEntity<Map<String, Object>> get(
			@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal, @PathVariable String id) {
		SessionView session = this.queries.session(principal.tenant(), id)
			.orElseThrow(() -> new UnknownObjectException("session", id));
		return Http.versioned(SessionJson.write(session, this.queries.turns(principal.tenant(), id)),
				session.session().version());
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading audit records")
	@GetMapping("/api/sessions/{id}/audit")
	@Operation(summary = "The audit records of one session, oldest first (viewer)")
	public Map<String, Object> sessionAudit(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return Http.pageBody(
				this.audit.listForSession(principal.tenant(), id).stream().map(SessionController::audit).toList(),
				null);
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading traces")
	@GetMapping("/api/traces/{id}")
	@Operation(summary = "The trace of one turn, as trace_get: its phases in order, with durations and decisions "
			+ "(viewer)")
	public Map<String, Object> trace(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@PathVariable String id) {
		return TraceJson.write(
				this.queries.trace(principal.tenant(), id).orElseThrow(() -> new UnknownObjectException("trace", id)));
	}

	@RequiresRole(value = Role.ADMIN, operation = "reading the audit log")
	@GetMapping("/api/audit")
	@Operation(summary = "The tenant's audit log, newest first (admin); paginated. category keeps one kind of "
			+ "record: configuration (agents, rules, scenarios, tools, settings, with the agent version published and "
			+ "what changed), conversation, tools (tool calls) or access (keys and tenants)")
	public Map<String, Object> auditLog(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		PageRequest page = Http.page(limit, cursor);
		return Http.pageBody(
				(category == null || category.isBlank()) ? this.audit.list(principal.tenant(), page)
						: this.audit.list(principal.tenant(), AuditCategory.parse(category).actions(), page),
				SessionController::audit);
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
