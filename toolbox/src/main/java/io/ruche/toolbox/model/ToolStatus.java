package io.ruche.toolbox.model;

import java.util.Locale;

/**
 * The {@code status} of a {@code tool_invoke} result, as the MCP contract names it.
 */
public enum ToolStatus {

	OK, ERROR, TIMEOUT, RATE_LIMITED, CIRCUIT_OPEN, REJECTED;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
