package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.discovery.ToolHit;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.ToolEndpoint;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.mcp.Schemas.anyObject;
import static io.ruche.server.mcp.Schemas.arrayOf;
import static io.ruche.server.mcp.Schemas.bool;
import static io.ruche.server.mcp.Schemas.enumeration;
import static io.ruche.server.mcp.Schemas.integer;
import static io.ruche.server.mcp.Schemas.number;
import static io.ruche.server.mcp.Schemas.object;
import static io.ruche.server.mcp.Schemas.string;

/**
 * The Toolbox tools of the MCP contract: {@code tool_register}, {@code tools_search},
 * {@code tool_enable} and {@code tool_invoke}. Calls run in the sandboxed
 * {@link ToolRunner}; a tool that requires confirmation is confirmed by the person behind
 * the client through MCP elicitation.
 */
public final class ToolboxTools implements McpToolGroup {

	private static final Map<String, Object> AGENT_ARG = string(
			"Agent name or id (optional when the session is pinned with ?agent=)");

	private static final long DEFAULT_TIMEOUT_MS = 10_000;

	private final ToolRegistry registry;

	private final ToolSearch search;

	private final ToolRunner runner;

	private final AgentConfiguration agents;

	public ToolboxTools(ToolRegistry registry, ToolSearch search, ToolRunner runner, AgentConfiguration agents) {
		this.registry = registry;
		this.search = search;
		this.runner = runner;
		this.agents = agents;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(toolRegister(), toolsSearch(), toolEnable(), toolInvoke(), toolRemove(), toolResync());
	}

	private McpTool toolRegister() {
		Map<String, Object> tool = object().required("name", string("Tool name: letters, digits, '_', '-' or '.'"))
			.required("description", string("What the tool does, written for a model choosing tools"))
			.property("input_schema", anyObject("JSON Schema (2020-12) of the arguments; required unless kind is mcp"))
			.property("output_schema", anyObject("JSON Schema of the output, checked after each call"))
			.required("kind", enumeration("How the tool is called", "http", "mcp", "builtin"))
			.required("target",
					string("URL (http: POST target; mcp: the upstream server's Streamable HTTP URL) "
							+ "or, for builtin, the built-in tool's name"))
			.property("timeout_ms", integer("Longest a call may take, 1-600000 (capped by the server); default 10000"))
			.required("side_effect",
					enumeration(
							"What a call does: pure, idempotent (safe to retry) or "
									+ "irreversible (at most once per idempotency_key)",
							"pure", "idempotent", "irreversible"))
			.property("requires_confirmation", bool("Ask the person behind the client before each call"))
			.property("secret_headers",
					anyObject("HTTP headers sent with each call (for example Authorization), stored encrypted, "
							+ "never shown again"))
			.build();
		return new McpTool("tool_register",
				"Register a tool in your tenant's catalog (replacing one of the same name). kind: http POSTs the JSON "
						+ "arguments to target; kind: mcp imports every tool of the upstream MCP server at target "
						+ "as <name>.<tool>; kind: builtin names a built-in tool.",
				object().required("tool", tool).build(), registrationOutput(), Role.BUILDER, false,
				(ctx, args) -> register(ctx, args.object("tool")));
	}

	private static Map<String, Object> registrationOutput() {
		return object()
			.required("tools",
					arrayOf(anyObject("A registered tool (secrets never shown)"),
							"The tools saved: the tool, or for kind mcp the server and its imported tools"))
			.required("removed", arrayOf(string("tool name"), "Imported tools that vanished upstream"))
			.build();
	}

	private McpTool toolRemove() {
		return new McpTool("tool_remove",
				"Remove a registered tool from the tenant's catalog; for an MCP server registration, every tool "
						+ "imported from it.",
				object().required("name", string("Tool name (or MCP server registration name)")).build(),
				object().required("removed", bool("Whether something was removed")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					boolean removed = this.registry.remove(ctx.tenant(), args.string("name"), ctx.principal().actor());
					return new ToolReply(Map.of("removed", removed), removed ? "Tool removed" : "No such tool");
				});
	}

	private McpTool toolResync() {
		return new McpTool("tool_resync",
				"Import the tools of a registered MCP server again: new and changed tools are saved, tools that "
						+ "vanished upstream are removed.",
				object().required("name", string("The name of the kind-mcp registration")).build(),
				registrationOutput(), Role.BUILDER, false,
				(ctx, args) -> registered(
						this.registry.resync(ctx.tenant(), args.string("name"), ctx.principal().actor()),
						"tools not re-imported"));
	}

	private ToolReply register(CallContext ctx, Args tool) {
		RegisterToolRequest request = registerRequest(ctx.tenant(), ctx.principal().actor(), tool);
		return registered(this.registry.register(request), "tool not registered");
	}

	private static ToolReply registered(RegistrationResult result, String refusal) {
		return switch (result) {
			case RegistrationResult.Refused refused ->
				throw new IllegalArgumentException(refusal + ": " + String.join("; ", refused.problems()));
			case RegistrationResult.Registered registered -> {
				List<Map<String, Object>> views = registered.tools().stream().map(ToolboxTools::view).toList();
				yield new ToolReply(Map.of("tools", views, "removed", registered.removed()),
						registered.tools().size() + " tool(s) registered: "
								+ String.join(", ", registered.tools().stream().map(ToolView::name).toList()));
			}
		};
	}

	/**
	 * Reads the {@code tool} object of {@code tool_register} (also the body of
	 * {@code POST /api/tools}) into a registration request.
	 * @param tenant the tenant
	 * @param actor the key registering
	 * @param tool the tool's fields
	 * @return the request
	 * @throws IllegalArgumentException when a field is malformed
	 */
	public static RegisterToolRequest registerRequest(TenantId tenant, Actor actor, Args tool) {
		ToolKind kind = ToolKind.parse(tool.string("kind"));
		Map<String, Object> inputSchema = schema(tool, "input_schema");
		if (kind == ToolKind.MCP && (inputSchema == null || inputSchema.isEmpty())) {
			inputSchema = Map.of("type", "object");
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		Args headers = tool.optionalObject("secret_headers");
		if (headers != null) {
			headers.values().forEach((name, value) -> {
				if (!(value instanceof String text)) {
					throw new IllegalArgumentException("secret_headers." + name + " must be a string");
				}
				secrets.put(name, text);
			});
		}
		long timeoutMs = tool.has("timeout_ms") ? tool.integer("timeout_ms", 0) : DEFAULT_TIMEOUT_MS;
		ExecutionPolicy execution = new ExecutionPolicy(timeoutMs, SideEffect.parse(tool.string("side_effect")),
				tool.bool("requires_confirmation", false));
		return new RegisterToolRequest(tenant, tool.string("name"), tool.string("description"),
				(inputSchema != null) ? inputSchema : Map.of(), schema(tool, "output_schema"),
				new ToolEndpoint(kind, tool.string("target"), secrets), execution, actor);
	}

	// a registered schema is copied with Map.copyOf, which takes no null member
	private static @Nullable Map<String, Object> schema(Args tool, String name) {
		Args schema = tool.optionalObject(name);
		if (schema == null) {
			return null;
		}
		schema.values().forEach((keyword, value) -> {
			if (value == null) {
				throw new IllegalArgumentException(name + "." + keyword + " is null: remove it or give it a value");
			}
		});
		return schema.values();
	}

	private McpTool toolsSearch() {
		Map<String, Object> hit = object().required("name", string("Tool name"))
			.required("description", string("What it does"))
			.required("score", number("Relevance, 0-1"))
			.required("input_schema", anyObject("JSON Schema of the arguments"))
			.property("enabled", bool("Whether the agent may use it (when agent was given)"))
			.property("explanation", anyObject("lexical and semantic scores"))
			.build();
		return new McpTool("tools_search",
				"Find tools in your tenant's catalog by the need they meet, ranked by meaning and words.",
				object().required("query", string("The need, in words (for example 'weather forecast for a city')"))
					.property("limit", integer("Most hits to return, 1-100; default 10"))
					.property("agent", AGENT_ARG)
					.build(),
				object().required("hits", arrayOf(hit, "Best first")).build(), Role.VIEWER, true, (ctx, args) -> {
					String agent = optionalAgent(ctx, args);
					String agentId = (agent != null) ? agentId(ctx.tenant(), agent) : null;
					List<Map<String, Object>> hits = this.search
						.search(new SearchToolsRequest(ctx.tenant(), args.string("query"), args.integer("limit", 10),
								agentId))
						.stream()
						.map(ToolboxTools::hit)
						.toList();
					return new ToolReply(Map.of("hits", hits), hits.size() + " tool(s) found");
				});
	}

	private McpTool toolEnable() {
		return new McpTool("tool_enable",
				"Enable (or disable) a registered tool for an agent; for an MCP server registration, every tool "
						+ "imported from it. Sessions pinned to the agent see its enabled tools.",
				object().property("agent", AGENT_ARG)
					.required("name", string("Tool name (or MCP server registration name)"))
					.property("enabled", bool("true to enable (default), false to disable"))
					.build(),
				object().required("agent", string("The agent id"))
					.required("name", string("The tool"))
					.required("enabled", bool("Its state now"))
					.build(),
				Role.BUILDER, false, (ctx, args) -> {
					String agentId = agentId(ctx.tenant(), ctx.agent(args));
					String name = args.string("name");
					boolean enabled = args.bool("enabled", true);
					if (!this.registry.enable(ctx.tenant(), agentId, name, enabled, ctx.principal().actor())) {
						throw new UnknownObjectException("tool", name);
					}
					return new ToolReply(Map.of("agent", agentId, "name", name, "enabled", enabled),
							"Tool '" + name + "' " + (enabled ? "enabled" : "disabled") + " for the agent");
				});
	}

	private McpTool toolInvoke() {
		return new McpTool("tool_invoke",
				"Run a registered tool in the sandbox (arguments validated first; limits, timeout and circuit "
						+ "breaker apply). A failed status comes back with isError and the status.",
				object().required("name", string("Tool name"))
					.required("arguments", anyObject("The tool's arguments, matching its input_schema"))
					.property("agent",
							string("Run as this agent (the tool must be enabled for it); defaults to "
									+ "the pinned agent"))
					.property("session", string("Conversation session, for the audit"))
					.property("idempotency_key",
							string("For irreversible tools: the call runs at most once per key (1-200 characters)"))
					.build(),
				object()
					.required("status",
							enumeration("Outcome", "ok", "error", "timeout", "rate_limited", "circuit_open",
									"rejected"))
					.property("output", Map.of("description", "The tool's output (any JSON)"))
					.required("duration_ms", integer("Time taken"))
					.property("message", string("Why it failed"))
					.property("reason", string("For rejected: the reason"))
					.build(),
				Role.CLIENT, false, (ctx, args) -> {
					String agent = optionalAgent(ctx, args);
					InvocationRequest request = InvocationRequest
						.of(ctx.tenant(), ctx.principal().keyId(), args.string("name"),
								args.has("arguments") ? args.object("arguments").values() : Map.of())
						.withAgent((agent != null) ? agentId(ctx.tenant(), agent) : null)
						.withSession(args.optionalString("session"))
						.withIdempotencyKey(args.optionalString("idempotency_key"))
						.withConfirmation(ElicitationConfirmation.forExchange(ctx.exchange()));
					return reply(this.runner.invoke(request), ElicitationConfirmation.canAsk(ctx.exchange()));
				});
	}

	/**
	 * Turns an outcome into a tool reply: ok, or a failure with {@code isError} and the
	 * structured status.
	 * @param outcome the outcome
	 * @param canConfirm whether the client could be asked for confirmation
	 * @return the reply
	 */
	public static ToolReply reply(ToolOutcome outcome, boolean canConfirm) {
		Map<String, Object> structured = new LinkedHashMap<>();
		structured.put("status", outcome.status().wireName());
		structured.put("duration_ms", switch (outcome) {
			case ToolOutcome.Completed completed -> completed.durationMs();
			case ToolOutcome.Failed failed -> failed.durationMs();
		});
		if (outcome instanceof ToolOutcome.Completed completed) {
			structured.put("output", completed.output());
			return new ToolReply(structured, "ok in " + completed.durationMs() + " ms");
		}
		ToolFailure failure = ((ToolOutcome.Failed) outcome).failure();
		String message = failure.message();
		if (failure instanceof ToolFailure.InvalidArguments) {
			structured.put("reason", "invalid_arguments");
		}
		if (failure instanceof ToolFailure.Rejected rejected) {
			structured.put("reason", rejected.reason().wireName());
			if (rejected.reason() == ToolFailure.Reason.CONFIRMATION_REFUSED && !canConfirm) {
				message += " (the client did not declare the elicitation capability, so no one could confirm)";
			}
		}
		structured.put("output", null);
		structured.put("message", message);
		return ToolReply.failed(structured, outcome.status().wireName() + ": " + message);
	}

	private @Nullable String optionalAgent(CallContext ctx, Args args) {
		String agent = args.optionalString("agent");
		if (agent != null && !agent.isBlank()) {
			return agent;
		}
		return ctx.pinnedAgent();
	}

	private String agentId(TenantId tenant, String agentRef) {
		return this.agents.agent(tenant, agentRef).id();
	}

	/**
	 * A tool as JSON (secrets never shown), as {@code tool_register} answers it.
	 * @param tool the tool
	 * @return its JSON
	 */
	public static Map<String, Object> view(ToolView tool) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", tool.name());
		view.put("description", tool.description());
		view.put("kind", tool.kind().wireName());
		view.put("target", tool.target());
		view.put("input_schema", tool.inputSchema());
		if (tool.outputSchema() != null) {
			view.put("output_schema", tool.outputSchema());
		}
		view.put("timeout_ms", tool.execution().timeoutMs());
		view.put("side_effect", tool.execution().sideEffect().wireName());
		view.put("requires_confirmation", tool.execution().requiresConfirmation());
		view.put("secret_headers", tool.secretHeaders());
		view.put("annotations", tool.annotations());
		if (tool.source() != null) {
			view.put("source", tool.source());
		}
		view.put("version", tool.version());
		view.put("updated_at", tool.updatedAt().toString());
		return view;
	}

	/**
	 * A search hit as JSON, as {@code tools_search} answers it.
	 * @param hit the hit
	 * @return its JSON
	 */
	public static Map<String, Object> hit(ToolHit hit) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", hit.name());
		map.put("description", hit.description());
		map.put("score", round(hit.score().combined()));
		map.put("input_schema", hit.inputSchema());
		if (hit.enabled() != null) {
			map.put("enabled", hit.enabled());
		}
		map.put("explanation",
				Map.of("lexical", round(hit.score().lexical()), "semantic", round(hit.score().semantic())));
		return map;
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
