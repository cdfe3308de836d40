package io.ruche.toolbox.port;

import io.ruche.kernel.model.TenantId;

/**
 * Counts tool calls and their durations. The app implements it with Micrometer; the
 * default does nothing.
 */
public interface ToolMetrics {

	/** Metrics that record nothing. */
	ToolMetrics NONE = (tenant, toolName, status, durationMs) -> {
	};

	/**
	 * The tool name recorded for a call of a tool the catalog does not hold: names a
	 * caller makes up never reach the metrics (no tool name can take this value).
	 */
	String UNKNOWN_TOOL = "(unknown)";

	/**
	 * Records one finished call; must not block or throw.
	 * @param tenant the tenant
	 * @param toolName the tool, a name of the tenant's catalog or {@link #UNKNOWN_TOOL}
	 * @param status the contract status ({@code ok}, {@code timeout}, ...)
	 * @param durationMs how long the call took, sandbox checks included
	 */
	void recordCall(TenantId tenant, String toolName, String status, long durationMs);

}
