package io.ruche.brain.port;

import java.util.List;
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
	 * @param variables the session's collected fields and the interlocutor's fields,
	 * usable as arguments (only those the tool's input schema declares are passed)
	 * @return the run, never null; {@code missing_arguments} without calling the tool
	 * when a required argument has no value
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
	 * {@code circuit_open}, {@code rejected}, {@code not_found} or
	 * {@code missing_arguments}
	 * @param output fields the tool filled (nested fields also as dotted paths such as
	 * {@code order.status}), merged into the session's variables when {@code ok}
	 * @param missingArguments the required arguments that had no value (status
	 * {@code missing_arguments})
	 */
	record ToolRun(String tool, String status, Map<String, String> output, List<String> missingArguments) {

		public ToolRun {
			output = Map.copyOf(output);
			missingArguments = List.copyOf(missingArguments);
		}

		public ToolRun(String tool, String status, Map<String, String> output) {
			this(tool, status, output, List.of());
		}

	}

}
