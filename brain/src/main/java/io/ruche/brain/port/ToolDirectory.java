package io.ruche.brain.port;

import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tools a turn asks for (the toolbox, adapted by the application).
 * Implementations are thread-safe.
 */
public interface ToolDirectory {

	/**
	 * Runs one tool for a turn. Never throws for a tool failure: the status says it.
	 * @param call what to run, for whom
	 * @return the run, never null; {@code missing_arguments} without calling the tool
	 * when a required argument has no value
	 */
	ToolRun run(ToolCall call);

	/**
	 * A directory with no tools: every run is {@code not_found}.
	 * @return the directory
	 */
	static ToolDirectory none() {
		return (call) -> new ToolRun(call.tool(), "not_found", Map.of());
	}

	/**
	 * One tool run asked for by a turn.
	 *
	 * @param tenant the tenant
	 * @param actor who asked for the turn, for the audit of the call
	 * @param agentId the agent
	 * @param sessionId the session
	 * @param tool the tool name
	 * @param variables the session's collected fields and the interlocutor's fields,
	 * usable as arguments (only those the tool's input schema declares are passed)
	 * @param idempotencyKey derived from (session, turn, tool): an irreversible tool runs
	 * at most once per key, so a retried turn replays the recorded outcome instead of
	 * acting twice
	 * @param confirmation asks the person when the tool requires confirmation, or null
	 * when the client cannot be asked (then such a tool is refused with reason
	 * {@code confirmation_required})
	 */
	record ToolCall(TenantId tenant, Actor actor, String agentId, String sessionId, String tool,
			Map<String, String> variables, String idempotencyKey, @Nullable ToolConfirmation confirmation) {

		public ToolCall {
			variables = Map.copyOf(variables);
		}

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
	 * @param reason why a {@code rejected} run was refused ({@code not_enabled},
	 * {@code confirmation_required}, {@code confirmation_refused},
	 * {@code egress_refused}, …), or null
	 */
	record ToolRun(String tool, String status, Map<String, String> output, List<String> missingArguments,
			@Nullable String reason) {

		public ToolRun {
			output = Map.copyOf(output);
			missingArguments = List.copyOf(missingArguments);
		}

		public ToolRun(String tool, String status, Map<String, String> output) {
			this(tool, status, output, List.of(), null);
		}

		public boolean ok() {
			return "ok".equals(this.status);
		}

	}

}
