package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ruche.brain.SessionQueries;
import io.ruche.brain.SessionView;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Trace;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.wire.InterlocutorJson;
import io.ruche.server.wire.SessionJson;
import io.ruche.server.wire.TraceJson;

/**
 * The inspection tools of the MCP contract, {@code session_get} and {@code trace_get},
 * and the same reads as the resources {@code ruche://sessions/{session}} and
 * {@code ruche://traces/{trace}}.
 */
public final class InspectionTools implements McpToolGroup {

	private final SessionQueries queries;

	public InspectionTools(SessionQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(sessionGet(), traceGet(), interlocutorGet());
	}

	private McpTool sessionGet() {
		return new McpTool("session_get",
				"Read a conversation session: agent, interlocutor, status, turns (messages and replies), "
						+ "active scenario and step, collected variables, scenarios left unfinished.",
				SessionJson.INPUT, SessionJson.SCHEMA, Role.VIEWER, true, (ctx, args) -> {
					String id = args.string("session");
					Map<String, Object> session = session(ctx.tenant(), id);
					List<?> turns = (List<?>) Objects.requireNonNull(session.get("turns"));
					return new ToolReply(session, "Session " + id + ": " + turns.size() + " turn(s)");
				});
	}

	private McpTool traceGet() {
		return new McpTool("trace_get",
				"Read the trace of a turn: every phase in order with its duration and decisions "
						+ "(rules matched, scenario moves, generation source, enforcement).",
				TraceJson.INPUT, TraceJson.SCHEMA, Role.VIEWER, true, (ctx, args) -> {
					Trace trace = trace(ctx.tenant(), args.string("trace"));
					return new ToolReply(TraceJson.write(trace),
							"Trace " + trace.id() + ": " + trace.phases().size() + " phase(s)");
				});
	}

	private McpTool interlocutorGet() {
		return new McpTool("interlocutor_get",
				"Read an interlocutor's profile: the collected fields marked profile, which every later session "
						+ "of the same interlocutor knows (CEL interlocutor.fields.x, templates, step skipping).",
				InterlocutorJson.INPUT, InterlocutorJson.SCHEMA, Role.VIEWER, true, (ctx, args) -> {
					String id = args.string("interlocutor");
					Interlocutor profile = this.queries.interlocutor(ctx.tenant(), id)
						.orElseThrow(() -> new UnknownObjectException("interlocutor", id));
					return new ToolReply(InterlocutorJson.write(profile),
							"Interlocutor " + id + ": " + profile.fields().size() + " profile field(s)");
				});
	}

	private Map<String, Object> session(TenantId tenant, String id) {
		SessionView view = this.queries.session(tenant, id)
			.orElseThrow(() -> new UnknownObjectException("session", id));
		return SessionJson.write(view, this.queries.turns(tenant, id));
	}

	private Trace trace(TenantId tenant, String id) {
		return this.queries.trace(tenant, id).orElseThrow(() -> new UnknownObjectException("trace", id));
	}

	/**
	 * The resource {@code ruche://sessions/{session}}.
	 * @return the contributor
	 */
	public ResourceContributor sessionResource() {
		return new IdResource("ruche://sessions/{session}", "session",
				"A conversation session with its turns, active scenario and variables", this::session);
	}

	/**
	 * The resource {@code ruche://traces/{trace}}.
	 * @return the contributor
	 */
	public ResourceContributor traceResource() {
		return new IdResource("ruche://traces/{trace}", "trace", "The trace of one turn: its phases and decisions",
				(tenant, id) -> TraceJson.write(trace(tenant, id)));
	}

}
