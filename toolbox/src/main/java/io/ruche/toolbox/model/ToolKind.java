package io.ruche.toolbox.model;

import java.util.Locale;

/**
 * How a tool is reached.
 */
public enum ToolKind {

	/** The runner POSTs the JSON arguments to the target URL. */
	HTTP,
	/** A tool of an upstream MCP server, called with an MCP client. */
	MCP,
	/** A tool the platform itself provides. */
	BUILTIN;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code http}, {@code mcp} or {@code builtin}.
	 * @param name the name
	 * @return the kind
	 */
	public static ToolKind parse(String name) {
		for (ToolKind kind : values()) {
			if (kind.name().equalsIgnoreCase(name.trim())) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown tool kind '" + name + "': expected http, mcp or builtin");
	}

}
