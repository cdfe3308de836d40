package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The shape a JSON-RPC message must have before the SDK reads it: an object, version 2.0,
 * a string method, an id that is a string or an integer, params that are an object, and
 * for the methods Ruche serves, params fields of the types the SDK expects. The SDK would
 * otherwise answer with Jackson's text, which names Java classes.
 */
final class JsonRpcShape {

	static final int PARSE_ERROR = -32700;

	static final int INVALID_REQUEST = -32600;

	static final int INVALID_PARAMS = -32602;

	private static final List<Field> PAGINATED = List.of(Field.optional("cursor", Kind.STRING));

	private static final List<Field> BY_URI = List.of(Field.required("uri", Kind.STRING));

	// the params fields the SDK deserializes, by method
	private static final Map<String, List<Field>> PARAMS = Map.ofEntries(
			Map.entry("initialize",
					List.of(Field.required("protocolVersion", Kind.STRING), Field.optional("capabilities", Kind.OBJECT),
							Field.required("clientInfo", Kind.OBJECT), Field.required("clientInfo.name", Kind.STRING),
							Field.optional("clientInfo.version", Kind.STRING))),
			Map.entry("tools/call",
					List.of(Field.required("name", Kind.STRING), Field.optional("arguments", Kind.OBJECT))),
			Map.entry("tools/list", PAGINATED), Map.entry("prompts/list", PAGINATED),
			Map.entry("resources/list", PAGINATED), Map.entry("resources/templates/list", PAGINATED),
			Map.entry("resources/read", BY_URI), Map.entry("resources/subscribe", BY_URI),
			Map.entry("resources/unsubscribe", BY_URI),
			Map.entry("prompts/get",
					List.of(Field.required("name", Kind.STRING), Field.optional("arguments", Kind.STRING_MAP))),
			Map.entry("completion/complete",
					List.of(Field.required("ref", Kind.OBJECT), Field.required("ref.type", Kind.STRING),
							Field.required("argument", Kind.OBJECT), Field.required("argument.name", Kind.STRING),
							Field.required("argument.value", Kind.STRING), Field.optional("context", Kind.OBJECT))),
			Map.entry("logging/setLevel", List.of(Field.required("level", Kind.STRING))));

	private JsonRpcShape() {
	}

	/**
	 * Checks a parsed message.
	 * @param message the message
	 * @return why it is refused, or empty when the SDK may read it
	 */
	static Optional<Refusal> check(JsonNode message) {
		if (message.isArray()) {
			return refuse(null, INVALID_REQUEST,
					"Invalid request: send one JSON-RPC message per request (batches are not supported)");
		}
		if (!message.isObject()) {
			return refuse(null, INVALID_REQUEST, "Invalid request: the body must be a JSON-RPC message (an object)");
		}
		JsonNode id = message.get("id");
		if (id != null && !id.isString() && !id.isIntegralNumber()) {
			return refuse(null, INVALID_REQUEST, "Invalid request: 'id' must be a string or an integer");
		}
		if (!"2.0".equals(text(message.get("jsonrpc")))) {
			return refuse(id, INVALID_REQUEST, "Invalid request: 'jsonrpc' must be \"2.0\"");
		}
		JsonNode method = message.get("method");
		if (method == null) {
			return response(message, id);
		}
		if (!method.isString()) {
			return refuse(id, INVALID_REQUEST, "Invalid request: 'method' must be a string");
		}
		JsonNode params = message.get("params");
		if (params == null || params.isNull()) {
			params = MissingNode.getInstance();
		}
		else if (!params.isObject()) {
			return refuse(id, INVALID_PARAMS, "Invalid params: 'params' must be an object");
		}
		for (Field field : PARAMS.getOrDefault(method.asString(), List.of())) {
			Optional<String> problem = field.problem(params);
			if (problem.isPresent()) {
				return refuse(id, INVALID_PARAMS, "Invalid params of " + method.asString() + ": " + problem.get());
			}
		}
		return Optional.empty();
	}

	// a client's answer to a request of the server (sampling, elicitation)
	private static Optional<Refusal> response(JsonNode message, @Nullable JsonNode id) {
		JsonNode error = message.get("error");
		if (error != null) {
			boolean wellFormed = error.isObject() && error.path("code").isIntegralNumber()
					&& error.path("message").isString();
			return wellFormed ? Optional.empty() : refuse(id, INVALID_REQUEST,
					"Invalid request: 'error' must be an object with an integer 'code' and a string 'message'");
		}
		return message.has("result") ? Optional.empty()
				: refuse(id, INVALID_REQUEST,
						"Invalid request: a message needs 'method' (a request or notification) or 'result' or 'error'"
								+ " (a response)");
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static Optional<Refusal> refuse(@Nullable JsonNode id, int code, String message) {
		return Optional.of(new Refusal(id, code, message));
	}

	/**
	 * Why a message is refused.
	 *
	 * @param id the message's id when it is well formed, else null
	 * @param code the JSON-RPC error code
	 * @param message what is wrong, in the caller's terms
	 */
	record Refusal(@Nullable JsonNode id, int code, String message) {
	}

	private enum Kind {

		STRING("a string"), OBJECT("an object"), STRING_MAP("an object of strings");

		private final String described;

		Kind(String described) {
			this.described = described;
		}

		boolean accepts(JsonNode value) {
			return switch (this) {
				case STRING -> value.isString();
				case OBJECT, STRING_MAP -> value.isObject();
			};
		}

	}

	/** A params field, by its dotted path. */
	private record Field(String path, JsonPointer pointer, Kind kind, boolean required) {

		static Field required(String path, Kind kind) {
			return new Field(path, pointer(path), kind, true);
		}

		static Field optional(String path, Kind kind) {
			return new Field(path, pointer(path), kind, false);
		}

		private static JsonPointer pointer(String path) {
			return JsonPointer.compile("/" + path.replace('.', '/'));
		}

		Optional<String> problem(JsonNode params) {
			JsonNode value = params.at(this.pointer);
			if (value.isMissingNode() || value.isNull()) {
				return this.required ? Optional.of("'" + this.path + "' is required") : Optional.empty();
			}
			if (this.kind == Kind.STRING_MAP && value.isObject()) {
				return value.properties()
					.stream()
					.filter((entry) -> !entry.getValue().isString())
					.findFirst()
					.map((entry) -> "'" + this.path + "." + entry.getKey() + "' must be a string");
			}
			return this.kind.accepts(value) ? Optional.empty()
					: Optional.of("'" + this.path + "' must be " + this.kind.described);
		}

	}

}
