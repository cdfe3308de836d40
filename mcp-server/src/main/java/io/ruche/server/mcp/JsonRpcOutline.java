package io.ruche.server.mcp;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a message body as far as {@link JsonRpcShape} looks into it: the whole of it is
 * parsed (malformed JSON anywhere is refused), but objects and arrays deeper than the
 * fields it checks ({@code params.clientInfo.name}, the values of {@code
 * params.arguments}) are kept empty, so a tool call's arguments are not built as a tree
 * that the SDK builds again. Built on the streaming parser: the data-binding tree reader
 * was a visible share of a cheap call (docs/performance.md).
 */
final class JsonRpcOutline {

	// root = 0, params = 1, params.clientInfo = 2, params.clientInfo.name = 3
	private static final int KEPT_DEPTH = 3;

	private JsonRpcOutline() {
	}

	/**
	 * Reads a body.
	 * @param body the body
	 * @param json the mapper whose parser and nodes to use
	 * @return the outline ({@link MissingNode} for an empty body), or empty when the body
	 * is not one JSON value
	 */
	static Optional<JsonNode> read(byte[] body, JsonMapper json) {
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() == null) {
				return Optional.of(MissingNode.getInstance());
			}
			JsonNode root = value(parser, json.getNodeFactory(), 0);
			return (parser.nextToken() == null) ? Optional.of(root) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static JsonNode value(JsonParser parser, JsonNodeFactory nodes, int depth) {
		JsonToken token = parser.currentToken();
		return switch (token) {
			case START_OBJECT -> object(parser, nodes, depth);
			case START_ARRAY -> array(parser, nodes, depth);
			case VALUE_STRING -> nodes.stringNode(parser.getString());
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> nodes.numberNode(parser.getIntValue());
				case LONG -> nodes.numberNode(parser.getLongValue());
				default -> nodes.numberNode(parser.getBigIntegerValue());
			};
			case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
			case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(token == JsonToken.VALUE_TRUE);
			case VALUE_NULL -> nodes.nullNode();
			default -> throw new IllegalStateException("unexpected token " + token);
		};
	}

	private static ObjectNode object(JsonParser parser, JsonNodeFactory nodes, int depth) {
		ObjectNode node = nodes.objectNode();
		if (depth >= KEPT_DEPTH) {
			parser.skipChildren();
			return node;
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			node.set(name, value(parser, nodes, depth + 1));
		}
		return node;
	}

	private static ArrayNode array(JsonParser parser, JsonNodeFactory nodes, int depth) {
		ArrayNode node = nodes.arrayNode();
		if (depth >= KEPT_DEPTH) {
			parser.skipChildren();
			return node;
		}
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			node.add(value(parser, nodes, depth + 1));
		}
		return node;
	}

}
