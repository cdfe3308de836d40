package io.ruche.toolbox.model;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tool registered by a tenant.
 *
 * @param tenant the owning tenant
 * @param name unique per tenant; MCP tool-name rules: 1-128 of {@code A-Z a-z 0-9 _ - .}
 * @param description what the tool does (searched by meaning)
 * @param inputSchema the JSON Schema of the arguments, as JSON-like values
 * @param outputSchema the JSON Schema of the output, or null
 * @param kind how the tool is reached
 * @param target the URL (http, mcp) or built-in name
 * @param execution timeout and side-effect policy
 * @param secrets encrypted secret headers sent to the target, by header name; never
 * returned to clients
 * @param annotations MCP tool annotations carried over from an upstream server, as
 * JSON-like values
 * @param source for tools imported from an upstream MCP server, the registration they
 * came from; else null
 * @param version incremented on every write
 * @param updatedAt when the tool was last written
 */
public record ToolDefinition(TenantId tenant, String name, String description, Map<String, Object> inputSchema,
		@Nullable Map<String, Object> outputSchema, ToolKind kind, String target, ExecutionPolicy execution,
		Map<String, String> secrets, Map<String, Object> annotations, @Nullable String source, long version,
		Instant updatedAt) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

	public ToolDefinition {
		if (!isValidName(name)) {
			throw new IllegalArgumentException(
					"tool name '" + name + "' is invalid: use 1-128 letters, digits, '_', '-' or '.'");
		}
		if (description.isBlank()) {
			throw new IllegalArgumentException("tool '" + name + "' needs a description");
		}
		inputSchema = Map.copyOf(inputSchema);
		outputSchema = (outputSchema != null) ? Map.copyOf(outputSchema) : null;
		secrets = Map.copyOf(secrets);
		annotations = Map.copyOf(annotations);
	}

	/**
	 * Whether a name can be a tool's: 1-128 of {@code A-Z a-z 0-9 _ - .}, the MCP
	 * tool-name rules.
	 * @param name the name
	 * @return true when it can
	 */
	public static boolean isValidName(String name) {
		return NAME.matcher(name).matches();
	}

	/**
	 * How the runner treats calls of a tool.
	 *
	 * @param timeoutMs the per-call timeout, 1 ms to 10 minutes
	 * @param sideEffect the side-effect class
	 * @param requiresConfirmation whether the client must confirm each call
	 */
	public record ExecutionPolicy(long timeoutMs, SideEffect sideEffect, boolean requiresConfirmation) {

		public ExecutionPolicy {
			if (timeoutMs < 1 || timeoutMs > 600_000) {
				throw new IllegalArgumentException("timeout_ms must be between 1 and 600000, was " + timeoutMs);
			}
		}

	}

}
