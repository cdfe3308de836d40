package io.ruche.toolbox.port;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ruche.toolbox.egress.EgressRoute;
import org.jspecify.annotations.Nullable;

/**
 * Talks to upstream MCP servers whose tools a tenant imported. The app implements it with
 * the MCP SDK client (Streamable HTTP). Every connection goes through the given
 * {@link EgressRoute}, which the caller opened (and closes) with
 * {@link io.ruche.toolbox.egress.Egress#open}.
 */
public interface UpstreamTools {

	/**
	 * Lists every tool of an upstream server, following pagination.
	 * @param route the checked route to the server URL
	 * @param headers decrypted headers to send (for example {@code Authorization})
	 * @return the tools, never null
	 * @throws ToolTransportException when the server cannot be reached or answers badly
	 */
	List<UpstreamTool> list(EgressRoute route, Map<String, String> headers);

	/**
	 * Calls one tool of an upstream server.
	 * @param route the checked route to the server URL
	 * @param headers decrypted headers to send
	 * @param toolName the tool's name on the upstream server
	 * @param arguments the arguments, JSON-like
	 * @param timeout the time the call may take
	 * @return the structured content (or the text content) and its size
	 * @throws ToolTransportException when the call fails or the result has
	 * {@code isError}
	 */
	TransportResult call(EgressRoute route, Map<String, String> headers, String toolName, Map<String, Object> arguments,
			Duration timeout);

	/**
	 * A tool as an upstream server describes it.
	 *
	 * @param name the upstream name
	 * @param description the description, possibly blank
	 * @param inputSchema the input JSON Schema
	 * @param outputSchema the output JSON Schema, or null
	 * @param annotations the MCP annotations ({@code readOnlyHint}, ...), JSON-like
	 */
	record UpstreamTool(String name, String description, Map<String, Object> inputSchema,
			@Nullable Map<String, Object> outputSchema, Map<String, Object> annotations) {

		public UpstreamTool {
			inputSchema = Map.copyOf(inputSchema);
			outputSchema = (outputSchema != null) ? Map.copyOf(outputSchema) : null;
			annotations = Map.copyOf(annotations);
		}

	}

}
