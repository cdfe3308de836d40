package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.DraftJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.ToolCallJson;
import io.ruche.server.wire.ToolHitJson;
import io.ruche.server.wire.ToolJson;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.discovery.SearchToolsRequest;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The Toolbox tools of the MCP contract: {@code tool_register}, {@code tools_search},
 * {@code tool_enable}, {@code tool_invoke}, {@code tool_remove} and {@code tool_resync}.
 * Calls run in the sandboxed {@link ToolRunner}; a tool that requires confirmation is
 * confirmed by the person behind the client through MCP elicitation.
 */
public final class ToolboxTools implements McpToolGroup {

	private final ToolRegistry registry;

	private final ToolSearch search;

	private final ToolRunner runner;

	private final AgentConfiguration agents;

	private final AgentDrafts drafts;

	public ToolboxTools(ToolRegistry registry, ToolSearch search, ToolRunner runner, AgentConfiguration agents,
			AgentDrafts drafts) {
		this.registry = registry;
		this.search = search;
		this.runner = runner;
		this.agents = agents;
		this.drafts = drafts;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(toolRegister(), toolsSearch(), toolEnable(), toolInvoke(), toolRemove(), toolResync());
	}

	private McpTool toolRegister() {
		return new McpTool("tool_register",
				"Register a tool in your tenant's catalog (replacing one of the same name). kind: http POSTs the JSON "
						+ "arguments to target; kind: mcp imports every tool of the upstream MCP server at target "
						+ "as <name>.<tool>; kind: builtin names a built-in tool.",
				object().required("tool", ToolJson.INPUT).build(), ToolJson.REGISTRATION_SCHEMA, Role.BUILDER, false,
				(ctx, args) -> registered(
						this.registry
							.register(ToolJson.read(ctx.tenant(), ctx.principal().actor(), args.object("tool"))),
						"tool not registered"));
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
				ToolJson.REGISTRATION_SCHEMA, Role.BUILDER, false,
				(ctx, args) -> registered(
						this.registry.resync(ctx.tenant(), args.string("name"), ctx.principal().actor()),
						"tools not re-imported"));
	}

	private static ToolReply registered(RegistrationResult result, String refusal) {
		Map<String, Object> saved = ToolJson.write(result, refusal);
		List<String> names = (result instanceof RegistrationResult.Registered registered)
				? registered.tools().stream().map(ToolView::name).toList() : List.of();
		return new ToolReply(saved, names.size() + " tool(s) registered: " + String.join(", ", names));
	}

	private McpTool toolsSearch() {
		return new McpTool("tools_search",
				"Find tools in your tenant's catalog by the need they meet, ranked by meaning and words.",
				object().required("query", string("The need, in words (for example 'weather forecast for a city')"))
					.property("limit", integer("Most hits to return, 1-100; default 10"))
					.property("agent", AgentArgument.SCHEMA)
					.build(),
				object().required("hits", arrayOf(ToolHitJson.SCHEMA, "Best first")).build(), Role.VIEWER, true,
				(ctx, args) -> {
					String agentId = agentId(ctx.tenant(), ctx.optionalAgent(args));
					SearchToolsRequest request = InvalidArgumentsException
						.reading(() -> new SearchToolsRequest(ctx.tenant(), args.string("query"),
								args.integer("limit", 10), agentId));
					List<Map<String, Object>> hits = this.search.search(request)
						.stream()
						.map(ToolHitJson::write)
						.toList();
					return new ToolReply(Map.of("hits", hits), hits.size() + " tool(s) found");
				});
	}

	private McpTool toolEnable() {
		return new McpTool("tool_enable",
				"Enable (or disable) a registered tool for an agent; for an MCP server registration, every tool "
						+ "imported from it. Sessions pinned to the agent see its enabled tools.",
				object().property("agent", AgentArgument.SCHEMA)
					.required("name", string("Tool name (or MCP server registration name)"))
					.property("enabled", bool("true to enable (default), false to disable"))
					.property("draft", DraftJson.DRAFT_ARGUMENT)
					.build(),
				object().required("agent", string("The agent id"))
					.required("name", string("The tool"))
					.required("enabled", bool("Its state now (in the draft when draft is true)"))
					.property("draft", DraftJson.SCHEMA)
					.build(),
				Role.BUILDER, false, (ctx, args) -> {
					String agentId = this.agents.agent(ctx.tenant(), ctx.agent(args)).id();
					String name = args.string("name");
					boolean enabled = args.bool("enabled", true);
					Boolean draft = DraftJson.draft(args);
					if ((draft != null) ? draft : this.drafts.byDefault(ctx.tenant(), agentId)) {
						var edit = this.drafts.enableTool(ctx.tenant(), ctx.principal().actor(), agentId, name,
								enabled);
						return new ToolReply(
								Map.of("agent", agentId, "name", name, "enabled", enabled, "draft",
										DraftJson.write(edit.draft())),
								"Tool '" + name + "' " + (enabled ? "enabled" : "disabled") + " in the draft");
					}
					if (!this.registry.enable(ctx.tenant(), agentId, name, enabled, ctx.principal().actor())) {
						throw new UnknownObjectException("tool", name);
					}
					this.agents.versions()
						.toolsChanged(ctx.tenant(), ctx.principal().actor(), agentId,
								(enabled ? "tool.enable " : "tool.disable ") + name);
					return new ToolReply(Map.of("agent", agentId, "name", name, "enabled", enabled),
							"Tool '" + name + "' " + (enabled ? "enabled" : "disabled") + " for the agent");
				});
	}

	private McpTool toolInvoke() {
		return new McpTool("tool_invoke",
				"Run a registered tool in the sandbox (arguments validated first; limits, timeout and circuit "
						+ "breaker apply). A failed status comes back with isError and the status.",
				ToolCallJson.INPUT, ToolCallJson.SCHEMA, Role.CLIENT, false, (ctx, args) -> {
					InvocationRequest request = ToolCallJson
						.read(ctx.tenant(), ctx.principal().keyId(), args.string("name"), args)
						.withAgent(agentId(ctx.tenant(), ctx.optionalAgent(args)))
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
	static ToolReply reply(ToolOutcome outcome, boolean canConfirm) {
		Map<String, Object> structured = ToolCallJson.write(outcome, canConfirm);
		return switch (outcome) {
			case ToolOutcome.Completed completed ->
				new ToolReply(structured, "ok in " + completed.durationMs() + " ms");
			case ToolOutcome.Failed failed ->
				ToolReply.failed(structured, outcome.status().wireName() + ": " + structured.get("message"));
		};
	}

	private @Nullable String agentId(TenantId tenant, @Nullable String agent) {
		return (agent != null) ? this.agents.agent(tenant, agent).id() : null;
	}

}
