package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.ToolEndpoint;
import io.ruche.toolbox.registry.ToolView;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A tool of the tenant's catalog: the {@code tool} of {@code tool_register} (also the
 * body of {@code POST /api/tools}), a registered tool (secrets never shown) and the
 * result of a registration.
 */
public final class ToolJson {

	private static final long DEFAULT_TIMEOUT_MS = 10_000;

	public static final Map<String, Object> INPUT = object()
		.required("name", string("Tool name: letters, digits, '_', '-' or '.'"))
		.required("description", string("What the tool does, written for a model choosing tools"))
		.property("input_schema", anyObject("JSON Schema (2020-12) of the arguments; required unless kind is mcp"))
		.property("output_schema", anyObject("JSON Schema of the output, checked after each call"))
		.required("kind", enumeration("How the tool is called", "http", "mcp", "builtin"))
		.required("target",
				string("URL (http: POST target; mcp: the upstream server's Streamable HTTP URL) "
						+ "or, for builtin, the built-in tool's name"))
		.property("timeout_ms", integer("Longest a call may take, 1-600000 (capped by the server); default 10000"))
		.required("side_effect",
				enumeration(
						"What a call does: pure, idempotent (safe to retry) or "
								+ "irreversible (at most once per idempotency_key)",
						"pure", "idempotent", "irreversible"))
		.property("requires_confirmation", bool("Ask the person behind the client before each call"))
		.property("secret_headers",
				anyObject("HTTP headers sent with each call (for example Authorization), stored encrypted, "
						+ "never shown again"))
		.build();

	/** A registered tool; {@code enabled} when listed for an agent. */
	public static final Map<String, Object> SCHEMA = object().required("name", string("Tool name"))
		.required("description", string("What the tool does"))
		.required("kind", enumeration("How the tool is called", "http", "mcp", "builtin"))
		.required("target", string("Where it is called, credentials redacted"))
		.required("input_schema", anyObject("JSON Schema of the arguments"))
		.property("output_schema", anyObject("JSON Schema of the output"))
		.required("timeout_ms", integer("Longest a call may take"))
		.required("side_effect", enumeration("What a call does", "pure", "idempotent", "irreversible"))
		.required("requires_confirmation", bool("Whether a person confirms each call"))
		.required("secret_headers", arrayOf(string("Header name"), "Secret headers, by name only"))
		.required("annotations", anyObject("The MCP annotations"))
		.property("source", string("The MCP server registration it was imported from"))
		.property("enabled", bool("Whether the agent may use it (when listed for an agent)"))
		.required("version", integer("Version"))
		.required("updated_at", string("When it last changed"))
		.build();

	/** What a registration saved. */
	public static final Map<String, Object> REGISTRATION_SCHEMA = object()
		.required("tools",
				arrayOf(SCHEMA, "The tools saved: the tool, or for kind mcp the server and its imported tools"))
		.required("removed", arrayOf(string("tool name"), "Imported tools that vanished upstream"))
		.build();

	private ToolJson() {
	}

	public static Map<String, Object> write(ToolView tool) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", tool.name());
		view.put("description", tool.description());
		view.put("kind", tool.kind().wireName());
		view.put("target", tool.target());
		view.put("input_schema", tool.inputSchema());
		if (tool.outputSchema() != null) {
			view.put("output_schema", tool.outputSchema());
		}
		view.put("timeout_ms", tool.execution().timeoutMs());
		view.put("side_effect", tool.execution().sideEffect().wireName());
		view.put("requires_confirmation", tool.execution().requiresConfirmation());
		view.put("secret_headers", tool.secretHeaders());
		view.put("annotations", tool.annotations());
		if (tool.source() != null) {
			view.put("source", tool.source());
		}
		view.put("version", tool.version());
		view.put("updated_at", tool.updatedAt().toString());
		return view;
	}

	/**
	 * What a registration saved.
	 * @param result the registration's result
	 * @param refusal what a refusal means, such as "tool not registered"
	 * @return the JSON of the saved tools
	 * @throws InvalidArgumentsException when the registration was refused
	 */
	public static Map<String, Object> write(RegistrationResult result, String refusal) {
		return switch (result) {
			case RegistrationResult.Refused refused ->
				throw new InvalidArgumentsException(refusal + ": " + String.join("; ", refused.problems()));
			case RegistrationResult.Registered registered -> {
				Map<String, Object> map = new LinkedHashMap<>();
				map.put("tools", registered.tools().stream().map(ToolJson::write).toList());
				map.put("removed", registered.removed());
				yield map;
			}
		};
	}

	/**
	 * Reads a tool's fields into a registration request.
	 * @param tenant the tenant
	 * @param actor the key registering
	 * @param tool the tool's fields
	 * @return the request
	 * @throws InvalidArgumentsException when a field is malformed
	 */
	public static RegisterToolRequest read(TenantId tenant, Actor actor, Args tool) {
		String kindName = tool.string("kind");
		Map<String, Object> inputSchema = schema(tool, "input_schema");
		Map<String, String> secrets = new LinkedHashMap<>();
		Args headers = tool.optionalObject("secret_headers");
		if (headers != null) {
			headers.values().forEach((name, value) -> {
				if (!(value instanceof String text)) {
					throw new InvalidArgumentsException("secret_headers." + name + " must be a string");
				}
				secrets.put(name, text);
			});
		}
		long timeoutMs = tool.has("timeout_ms") ? tool.integer("timeout_ms", 0) : DEFAULT_TIMEOUT_MS;
		return InvalidArgumentsException.reading(() -> {
			ToolKind kind = ToolKind.parse(kindName);
			ExecutionPolicy execution = new ExecutionPolicy(timeoutMs, SideEffect.parse(tool.string("side_effect")),
					tool.bool("requires_confirmation", false));
			Map<String, Object> input = (kind == ToolKind.MCP && (inputSchema == null || inputSchema.isEmpty()))
					? Map.of("type", "object") : inputSchema;
			return new RegisterToolRequest(tenant, tool.string("name"), tool.string("description"),
					(input != null) ? input : Map.of(), schema(tool, "output_schema"),
					new ToolEndpoint(kind, tool.string("target"), secrets), execution, actor);
		});
	}

	// a registered schema is copied with Map.copyOf, which takes no null member
	private static @Nullable Map<String, Object> schema(Args tool, String name) {
		Args schema = tool.optionalObject(name);
		if (schema == null) {
			return null;
		}
		schema.values().forEach((keyword, value) -> {
			if (value == null) {
				throw new InvalidArgumentsException(name + "." + keyword + " is null: remove it or give it a value");
			}
		});
		return schema.values();
	}

}
