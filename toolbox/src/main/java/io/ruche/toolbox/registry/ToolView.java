package io.ruche.toolbox.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.ruche.toolbox.egress.TargetUrls;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import org.jspecify.annotations.Nullable;

/**
 * A tool as shown to clients: secrets reduced to their header names, credentials removed
 * from the target.
 *
 * @param name the tool name
 * @param description what it does
 * @param inputSchema the arguments' JSON Schema
 * @param outputSchema the output's JSON Schema, or null
 * @param kind the transport
 * @param target the target without user-info
 * @param execution timeout, side effect and confirmation
 * @param secretHeaders the names of the secret headers (never their values)
 * @param annotations the MCP annotations
 * @param source the MCP server registration the tool was imported from, or null
 * @param version the stored version
 * @param updatedAt when it was last written
 */
public record ToolView(String name, String description, Map<String, Object> inputSchema,
		@Nullable Map<String, Object> outputSchema, ToolKind kind, String target, ExecutionPolicy execution,
		List<String> secretHeaders, Map<String, Object> annotations, @Nullable String source, long version,
		Instant updatedAt) {

	/**
	 * Redacts a definition.
	 * @param tool the stored definition
	 * @return its view
	 */
	public static ToolView of(ToolDefinition tool) {
		return new ToolView(tool.name(), tool.description(), tool.inputSchema(), tool.outputSchema(), tool.kind(),
				TargetUrls.redact(tool.target()), tool.execution(), List.copyOf(new TreeSet<>(tool.secrets().keySet())),
				tool.annotations(), tool.source(), tool.version(), tool.updatedAt());
	}

}
