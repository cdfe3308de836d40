package io.ruche.toolbox.registry;

import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A request to register (or replace) a tool; for {@code kind: mcp}, every tool of the
 * upstream server is imported and the schemas here are ignored.
 *
 * @param tenant the owning tenant
 * @param name the tool name (MCP rules: 1-128 of {@code A-Z a-z 0-9 _ - .})
 * @param description what the tool does
 * @param inputSchema the JSON Schema of the arguments ({@code type: object})
 * @param outputSchema the JSON Schema of the output, or null
 * @param endpoint where the tool is reached
 * @param execution timeout, side effect and confirmation
 * @param actor who registers, for the audit
 */
public record RegisterToolRequest(TenantId tenant, String name, String description, Map<String, Object> inputSchema,
		@Nullable Map<String, Object> outputSchema, ToolEndpoint endpoint, ExecutionPolicy execution, Actor actor) {

	public RegisterToolRequest {
		inputSchema = Map.copyOf(inputSchema);
		outputSchema = (outputSchema != null) ? Map.copyOf(outputSchema) : null;
	}

}
