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
	 * Records one finished call; must not block or throw.
	 * @param tenant the tenant
	 * @param toolName the tool
	 * @param status the contract status ({@code ok}, {@code timeout}, ...)
	 * @param durationMs how long the call took, sandbox checks included
	 */
	void recordCall(TenantId tenant, String toolName, String status, long durationMs);

}
