package io.ruche.server.mcp;

import java.util.Map;
import java.util.function.Function;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.Schemas;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link McpTool}s into MCP SDK tool specifications: resolves the caller from the
 * transport context, checks the role, runs the handler and maps failures through
 * {@link McpErrorMapper}. Schemas are built once; nothing is reflected or generated per
 * call.
 */
public final class ToolSpecifications {

	/** Transport-context key of the authenticated {@link Principal}. */
	public static final String PRINCIPAL = "principal";

	/** Transport-context key of the agent the session is pinned to. */
	public static final String PINNED_AGENT = "agent";

	private final Function<McpTransportContext, @Nullable Principal> fallbackPrincipal;

	/**
	 * @param fallbackPrincipal the principal for transports without authentication
	 * (stdio), or a function returning null when there is none
	 */
	public ToolSpecifications(Function<McpTransportContext, @Nullable Principal> fallbackPrincipal) {
		this.fallbackPrincipal = fallbackPrincipal;
	}

	public SyncToolSpecification specification(McpTool tool) {
		// frozen: the server compiles them once and knows them by identity
		McpSchema.Tool descriptor = McpSchema.Tool.builder(tool.name(), Schemas.frozen(tool.inputSchema()))
			.description(tool.description())
			.outputSchema(Schemas.frozen(tool.outputSchema()))
			.annotations(McpSchema.ToolAnnotations.builder()
				.readOnlyHint(tool.readOnly())
				.destructiveHint(!tool.readOnly())
				.openWorldHint(false)
				.build())
			.build();
		return SyncToolSpecification.builder()
			.tool(descriptor)
			.callHandler((exchange, request) -> call(tool, exchange, request))
			.build();
	}

	private CallToolResult call(McpTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
		try {
			CallContext context = context(exchange, request);
			context.principal().require(tool.requiredRole(), "tool " + tool.name());
			ToolReply reply = tool.handler().handle(context, new Args(request.arguments()));
			Map<String, Object> structured = reply.structured();
			if (structured == null) {
				return McpErrorMapper.error(reply.text());
			}
			return CallToolResult.builder()
				.addTextContent(reply.text())
				.structuredContent(structured)
				.isError(reply.error())
				.meta(meta(structured))
				.build();
		}
		catch (RuntimeException ex) {
			return McpErrorMapper.toToolResult(tool.name(), ex);
		}
	}

	/**
	 * Resolves the call context of a request.
	 * @param exchange the exchange
	 * @param request the request, for its progress token
	 * @return the context
	 */
	public CallContext context(McpSyncServerExchange exchange, McpSchema.@Nullable Request request) {
		McpTransportContext transport = exchange.transportContext();
		Principal principal = (transport.get(PRINCIPAL) instanceof Principal p) ? p
				: this.fallbackPrincipal.apply(transport);
		if (principal == null) {
			throw McpErrorMapper.unauthenticated();
		}
		String pinned = (transport.get(PINNED_AGENT) instanceof String agent) ? agent : null;
		Object progressToken = (request != null) ? request.progressToken() : null;
		return new CallContext(principal, pinned, exchange, progressToken);
	}

	private static @Nullable Map<String, Object> meta(Map<String, Object> structured) {
		Object trace = structured.get("trace");
		return (trace instanceof String id) ? Map.of("io.ruche/trace", id) : null;
	}

}
