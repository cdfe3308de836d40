package io.ruche.toolbox.registry;

import java.util.Optional;

import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolKind;

/**
 * How tools imported from an upstream MCP server are recorded: the registration itself is
 * a "server" entry (not invocable, not searched) and each imported tool is named
 * {@code <registration>.<upstream tool>}, with {@code source} set to the registration.
 */
public final class ImportedTools {

	/** The annotation that keeps an imported tool's name on the upstream server. */
	public static final String UPSTREAM_NAME = "ruche.upstreamName";

	private ImportedTools() {
	}

	/**
	 * Whether a definition is the registration of an upstream MCP server rather than a
	 * callable tool.
	 * @param tool the definition
	 * @return true for the server entry
	 */
	public static boolean isServerRegistration(ToolDefinition tool) {
		return tool.kind() == ToolKind.MCP && tool.source() == null;
	}

	/**
	 * The tool's name on its upstream server.
	 * @param tool the definition
	 * @return the upstream name, empty when the tool was not imported
	 */
	public static Optional<String> upstreamName(ToolDefinition tool) {
		return (tool.annotations().get(UPSTREAM_NAME) instanceof String name) ? Optional.of(name) : Optional.empty();
	}

}
