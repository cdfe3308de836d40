package io.ruche.server.mcp;

import java.util.Map;

import io.ruche.kernel.model.Role;
import io.ruche.server.wire.Args;

/**
 * One MCP tool of Ruche: its contract (name, schemas, the role it needs) and its handler.
 *
 * @param name the fixed tool name
 * @param description what the tool does, for the client's model
 * @param inputSchema the JSON Schema of the arguments
 * @param outputSchema the JSON Schema of the structured result
 * @param requiredRole the least role allowed to call it
 * @param readOnly whether the tool changes nothing
 * @param handler the implementation
 */
public record McpTool(String name, String description, Map<String, Object> inputSchema,
		Map<String, Object> outputSchema, Role requiredRole, boolean readOnly, Handler handler) {

	/**
	 * Runs a tool call. Expected failures are thrown as the core's exceptions and mapped
	 * by {@link McpErrorMapper}.
	 */
	@FunctionalInterface
	public interface Handler {

		ToolReply handle(CallContext context, Args args);

	}

}
