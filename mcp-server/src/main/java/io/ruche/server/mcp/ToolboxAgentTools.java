package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.sandbox.InvocationRequest;

/**
 * Serves a pinned agent's enabled Toolbox tools as first-class MCP tools: the name,
 * description and input schema of each, called through the same sandboxed
 * {@link ToolRunner} as {@code tool_invoke}, as the pinned agent, with the {@code client}
 * role. The result carries the same structured status; an {@code idempotency_key} may be
 * passed in the request's {@code _meta} ({@code io.ruche/idempotency_key}).
 */
public final class ToolboxAgentTools implements AgentTools {

	/** The {@code _meta} key of an idempotency key on a direct call. */
	public static final String IDEMPOTENCY_META = "io.ruche/idempotency_key";

	private final ToolRegistry registry;

	private final ToolRunner runner;

	private final AgentConfiguration agents;

	private final ToolSpecifications calls;

	public ToolboxAgentTools(ToolRegistry registry, ToolRunner runner, AgentConfiguration agents,
			ToolSpecifications calls) {
		this.registry = registry;
		this.runner = runner;
		this.agents = agents;
		this.calls = calls;
	}

	@Override
	public List<SyncToolSpecification> specifications(TenantId tenant, String agent) {
		Agent found;
		try {
			found = this.agents.agent(tenant, agent);
		}
		catch (UnknownObjectException ex) {
			return List.of();
		}
		return this.registry.listEnabled(tenant, found.id())
			.stream()
			.map((tool) -> specification(found.id(), tool))
			.toList();
	}

	private SyncToolSpecification specification(String agentId, ToolView tool) {
		boolean pure = tool.execution().sideEffect() == SideEffect.PURE;
		McpSchema.Tool descriptor = McpSchema.Tool.builder(tool.name(), tool.inputSchema())
			.description(tool.description())
			.annotations(McpSchema.ToolAnnotations.builder()
				.readOnlyHint(pure)
				.destructiveHint(tool.execution().sideEffect() == SideEffect.IRREVERSIBLE)
				.idempotentHint(tool.execution().sideEffect() != SideEffect.IRREVERSIBLE)
				.openWorldHint(true)
				.build())
			.build();
		return SyncToolSpecification.builder()
			.tool(descriptor)
			.callHandler((exchange, request) -> call(agentId, tool.name(), exchange, request))
			.build();
	}

	private CallToolResult call(String agentId, String toolName, McpSyncServerExchange exchange,
			CallToolRequest request) {
		try {
			CallContext context = this.calls.context(exchange, request);
			context.principal().require(Role.CLIENT, "tool " + toolName);
			Map<String, Object> meta = request.meta();
			String key = (meta != null && meta.get(IDEMPOTENCY_META) instanceof String k && !k.isBlank()) ? k : null;
			InvocationRequest invocation = InvocationRequest
				.of(context.tenant(), context.principal().keyId(), toolName,
						(request.arguments() != null) ? request.arguments() : Map.of())
				.withAgent(agentId)
				.withIdempotencyKey(key)
				.withConfirmation(ElicitationConfirmation.forExchange(exchange));
			ToolReply reply = ToolboxTools.reply(this.runner.invoke(invocation),
					ElicitationConfirmation.canAsk(exchange));
			return CallToolResult.builder()
				.addTextContent(reply.error() ? reply.text() : text(reply))
				.structuredContent(reply.structured())
				.isError(reply.error())
				.build();
		}
		catch (RuntimeException ex) {
			return McpErrorMapper.toToolResult(toolName, ex);
		}
	}

	private static String text(ToolReply reply) {
		Object output = Objects.requireNonNull(reply.structured()).get("output");
		return (output instanceof String text) ? text : String.valueOf(output);
	}

}
