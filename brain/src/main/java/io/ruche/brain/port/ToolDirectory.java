package io.ruche.brain.port;

import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;

/**
 * Runs the tools a turn asks for (the toolbox, adapted by the application).
 * Implementations are thread-safe.
 */
public interface ToolDirectory {

	/**
	 * Runs one tool for a turn. Never throws for a tool failure: the status says it.
	 * @param tenant the tenant
	 * @param actor who asked for the turn, for the audit of the call
	 * @param agentId the agent
	 * @param sessionId the session
	 * @param tool the tool name
	 * @param variables the session's collected fields, usable as arguments
	 * @return the run, never null
	 */
	ToolRun run(TenantId tenant, Actor actor, String agentId, String sessionId, String tool,
			Map<String, String> variables);

	/**
	 * A directory with no tools: every run is {@code not_found}.
	 * @return the directory
	 */
	static ToolDirectory none() {
		return (tenant, actor, agentId, sessionId, tool, variables) -> new ToolRun(tool, "not_found", Map.of());
	}

	/**
	 * The outcome of one tool run.
	 *
	 * @param tool the tool name
	 * @param status {@code ok}, {@code error}, {@code timeout}, {@code rate_limited},
	 * {@code circuit_open}, {@code rejected} or {@code not_found}
	 * @param output fields the tool filled, merged into the session's variables when
	 * {@code ok}
	 */
	record ToolRun(String tool, String status, Map<String, String> output) {

		public ToolRun {
			output = Map.copyOf(output);
		}

	}

}
