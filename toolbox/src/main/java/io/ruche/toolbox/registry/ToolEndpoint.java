package io.ruche.toolbox.registry;

import java.util.Map;

import io.ruche.toolbox.model.ToolKind;

/**
 * Where and how a tool is reached.
 *
 * @param kind the transport
 * @param target the URL ({@code http}, {@code mcp}) or the built-in tool name
 * @param secretHeaders headers sent to the target, in clear; encrypted at registration
 * and never returned
 */
public record ToolEndpoint(ToolKind kind, String target, Map<String, String> secretHeaders) {

	public ToolEndpoint {
		secretHeaders = Map.copyOf(secretHeaders);
	}

	@Override
	public String toString() {
		return "ToolEndpoint[kind=" + this.kind + ", target=" + this.target + ", secretHeaders="
				+ this.secretHeaders.keySet() + "]";
	}

}
