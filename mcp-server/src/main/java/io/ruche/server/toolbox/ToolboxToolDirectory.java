package io.ruche.server.toolbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.port.ToolConfirmation;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tools that rules and scenario steps name, through the sandboxed
 * {@link ToolRunner}, for the turn's agent and session. The session's collected fields
 * become the arguments: only those the tool's input schema declares (none when it
 * declares no properties: a tool sees nothing of the session it did not ask for),
 * converted to the declared type ({@code integer}, {@code number}, {@code boolean}) when
 * they parse. An object output becomes string fields (nested values as JSON, and their
 * fields under dotted paths); any other output is the field {@code result}. A tool whose
 * required arguments have no value is not called ({@code missing_arguments}). Every call
 * carries the turn's idempotency key, so an irreversible tool runs once per (session,
 * turn, tool); a tool that requires confirmation asks the person through the turn's
 * confirmation (elicitation), and is refused with reason {@code confirmation_required}
 * when the client cannot be asked.
 */
public final class ToolboxToolDirectory implements ToolDirectory {

	private final ToolRegistry registry;

	private final ToolRunner runner;

	private final JsonCodec json;

	public ToolboxToolDirectory(ToolRegistry registry, ToolRunner runner, JsonCodec json) {
		this.registry = registry;
		this.runner = runner;
		this.json = json;
	}

	@Override
	public ToolRun run(ToolCall call) {
		String tool = call.tool();
		Optional<ToolView> view = this.registry.find(call.tenant(), tool);
		if (view.isEmpty()) {
			return new ToolRun(tool, "not_found", Map.of());
		}
		Map<String, Object> arguments = arguments(view.get(), call.variables());
		List<String> missing = missing(view.get(), arguments);
		if (!missing.isEmpty()) {
			return new ToolRun(tool, "missing_arguments", Map.of(), missing, null);
		}
		ToolConfirmation confirmation = call.confirmation();
		InvocationRequest request = InvocationRequest.of(call.tenant(), call.actor().id(), tool, arguments)
			.withAgent(call.agentId())
			.withSession(call.sessionId())
			.withIdempotencyKey(call.idempotencyKey())
			.withConfirmation((confirmation != null)
					? (asked) -> confirmation.confirm(asked.toolName(), asked.arguments(), asked.prompt()) : null);
		ToolOutcome outcome = this.runner.invoke(request);
		return switch (outcome) {
			case ToolOutcome.Completed completed -> new ToolRun(tool, "ok", fields(completed.output()));
			case ToolOutcome.Failed failed when failed.failure() instanceof ToolFailure.UnknownTool ->
				new ToolRun(tool, "not_found", Map.of());
			case ToolOutcome.Failed failed -> new ToolRun(tool, failed.status().wireName(), Map.of(), List.of(),
					reason(failed.failure(), confirmation != null));
		};
	}

	// A person who could not be asked did not refuse: the builder sees that the client
	// lacks elicitation, not a "no".
	private static @Nullable String reason(ToolFailure failure, boolean couldAsk) {
		if (!(failure instanceof ToolFailure.Rejected rejected)) {
			return null;
		}
		if (rejected.reason() == ToolFailure.Reason.CONFIRMATION_REFUSED && !couldAsk) {
			return "confirmation_required";
		}
		return rejected.reason().wireName();
	}

	private static Map<String, Object> arguments(ToolView tool, Map<String, String> variables) {
		Map<String, Object> properties = (tool.inputSchema().get("properties") instanceof Map<?, ?> declared)
				? cast(declared) : Map.of();
		Map<String, Object> arguments = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (properties.containsKey(name)) {
				arguments.put(name, convert(value, properties.get(name)));
			}
		});
		return arguments;
	}

	// A tool whose required arguments are unknown is not called: it could only fail, or
	// worse, act on a guess.
	private static List<String> missing(ToolView tool, Map<String, Object> arguments) {
		if (!(tool.inputSchema().get("required") instanceof List<?> required)) {
			return List.of();
		}
		return required.stream().map(String::valueOf).filter((name) -> !arguments.containsKey(name)).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private static Object convert(String value, @Nullable Object schema) {
		Object type = (schema instanceof Map<?, ?> property) ? property.get("type") : null;
		try {
			if ("integer".equals(type)) {
				return Long.parseLong(value.trim());
			}
			if ("number".equals(type)) {
				return Double.parseDouble(value.trim());
			}
		}
		catch (NumberFormatException ex) {
			return value;
		}
		if ("boolean".equals(type)
				&& ("true".equalsIgnoreCase(value.trim()) || "false".equalsIgnoreCase(value.trim()))) {
			return Boolean.parseBoolean(value.trim());
		}
		return value;
	}

	private Map<String, String> fields(@Nullable Object output) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (output instanceof Map<?, ?> map) {
			flatten("", map, fields);
		}
		else if (output != null) {
			fields.put("result", (output instanceof String text) ? text : this.json.encode(output));
		}
		return fields;
	}

	// A nested object is kept whole (as JSON) and its fields also under dotted paths, so
	// that a template can say {{tools.lookup.order.status}}.
	private void flatten(String prefix, Map<?, ?> map, Map<String, String> fields) {
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				String name = prefix + key;
				fields.put(name, (value instanceof String text) ? text : this.json.encode(value));
				if (value instanceof Map<?, ?> nested) {
					flatten(name + ".", nested, fields);
				}
			}
		});
	}

}
