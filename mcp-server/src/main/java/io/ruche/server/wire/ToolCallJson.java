package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A call of a tool in the sandbox: the arguments of {@code tool_invoke} (also the body of
 * {@code POST /api/tools/{name}/invoke}) and its outcome, a status with the output or why
 * it failed. Every {@link ToolOutcome} is mapped here, once, for both edges.
 */
public final class ToolCallJson {

	public static final Map<String, Object> INPUT = object().required("name", string("Tool name"))
		.required("arguments", anyObject("The tool's arguments, matching its input_schema"))
		.property("agent", string("Run as this agent (the tool must be enabled for it); defaults to the pinned agent"))
		.property("session", string("Conversation session, for the audit"))
		.property("idempotency_key",
				string("For irreversible tools: the call runs at most once per key (1-200 characters)"))
		.build();

	public static final Map<String, Object> SCHEMA = object()
		.required("status",
				enumeration("Outcome", "ok", "error", "timeout", "rate_limited", "circuit_open", "rejected"))
		.property("output", Map.of("description", "The tool's output (any JSON)"))
		.required("duration_ms", integer("Time taken"))
		.property("message", string("Why it failed"))
		.property("reason", string("For rejected: the reason"))
		.build();

	private ToolCallJson() {
	}

	/**
	 * Reads a call's arguments; the agent and the confirmation are the edge's to add.
	 * @param tenant the tenant
	 * @param keyId the calling key
	 * @param tool the tool name
	 * @param args the call's arguments
	 * @return the request
	 * @throws InvalidArgumentsException when an argument is malformed
	 */
	public static InvocationRequest read(TenantId tenant, String keyId, String tool, Args args) {
		Map<String, Object> arguments = args.has("arguments") ? args.object("arguments").values() : Map.of();
		String session = args.optionalString("session");
		String idempotencyKey = args.optionalString("idempotency_key");
		return InvalidArgumentsException.reading(() -> InvocationRequest.of(tenant, keyId, tool, arguments)
			.withSession(session)
			.withIdempotencyKey(idempotencyKey));
	}

	/**
	 * An outcome as JSON.
	 * @param outcome the outcome
	 * @param canConfirm whether the client could have been asked for a confirmation
	 * @return its JSON: status and duration, with the output or the message (and reason)
	 */
	public static Map<String, Object> write(ToolOutcome outcome, boolean canConfirm) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("status", outcome.status().wireName());
		switch (outcome) {
			case ToolOutcome.Completed completed -> {
				map.put("duration_ms", completed.durationMs());
				map.put("output", completed.output());
			}
			case ToolOutcome.Failed failed -> {
				map.put("duration_ms", failed.durationMs());
				String reason = reason(failed.failure());
				if (reason != null) {
					map.put("reason", reason);
				}
				map.put("output", null);
				map.put("message", message(failed.failure(), canConfirm));
			}
		}
		return map;
	}

	private static @Nullable String reason(ToolFailure failure) {
		return switch (failure) {
			case ToolFailure.InvalidArguments invalid -> "invalid_arguments";
			case ToolFailure.Rejected rejected -> rejected.reason().wireName();
			case ToolFailure.UnknownTool unknown -> null;
			case ToolFailure.SandboxTimeout timeout -> null;
			case ToolFailure.RateLimited limited -> null;
			case ToolFailure.CircuitOpen open -> null;
			case ToolFailure.ToolCrashed crashed -> null;
		};
	}

	private static String message(ToolFailure failure, boolean canConfirm) {
		if (failure instanceof ToolFailure.Rejected rejected
				&& rejected.reason() == ToolFailure.Reason.CONFIRMATION_REFUSED && !canConfirm) {
			return failure.message()
					+ " (the client did not declare the elicitation capability, so no one could confirm)";
		}
		return failure.message();
	}

}
