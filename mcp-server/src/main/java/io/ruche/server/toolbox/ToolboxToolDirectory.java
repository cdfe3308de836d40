package io.ruche.server.toolbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.port.ToolDirectory;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
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
 * become the arguments: those the tool's input schema declares (all of them when it
 * declares none), converted to the declared type ({@code integer}, {@code number},
 * {@code boolean}) when they parse. An object output becomes string fields (nested values
 * as JSON, and their fields under dotted paths); any other output is the field
 * {@code result}. A tool whose required arguments have no value is not called
 * ({@code missing_arguments}). Tools that require confirmation are refused: no person is
 * asked during a turn.
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
	public ToolRun run(TenantId tenant, Actor actor, String agentId, String sessionId, String tool,
			Map<String, String> variables) {
		Optional<ToolView> view = this.registry.find(tenant, tool);
		if (view.isEmpty()) {
			return new ToolRun(tool, "not_found", Map.of());
		}
		Map<String, Object> arguments = arguments(view.get(), variables);
		List<String> missing = missing(view.get(), arguments);
		if (!missing.isEmpty()) {
			return new ToolRun(tool, "missing_arguments", Map.of(), missing);
		}
		InvocationRequest request = InvocationRequest.of(tenant, actor.id(), tool, arguments)
			.withAgent(agentId)
			.withSession(sessionId);
		ToolOutcome outcome = this.runner.invoke(request);
		return switch (outcome) {
			case ToolOutcome.Completed completed -> new ToolRun(tool, "ok", fields(completed.output()));
			case ToolOutcome.Failed failed when failed.failure() instanceof ToolFailure.UnknownTool ->
				new ToolRun(tool, "not_found", Map.of());
			case ToolOutcome.Failed failed -> new ToolRun(tool, failed.status().wireName(), Map.of());
		};
	}

	private static Map<String, Object> arguments(ToolView tool, Map<String, String> variables) {
		Map<String, Object> properties = (tool.inputSchema().get("properties") instanceof Map<?, ?> declared)
				? cast(declared) : Map.of();
		Map<String, Object> arguments = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (properties.isEmpty()) {
				arguments.put(name, value);
			}
			else if (properties.containsKey(name)) {
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
