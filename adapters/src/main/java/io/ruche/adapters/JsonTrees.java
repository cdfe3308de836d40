package io.ruche.adapters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns JSON-like values (maps, collections, strings, numbers, booleans, null: what a
 * JSON parser gives) into the tree the mapper's {@code valueToTree} would give, node for
 * node, without serialising them first: a tool call's arguments are converted on every
 * call. Any other type is left to the mapper.
 */
final class JsonTrees {

	private JsonTrees() {
	}

	static JsonNode of(@Nullable Object value, JsonMapper mapper) {
		JsonNodeFactory nodes = mapper.getNodeFactory();
		return switch (value) {
			case null -> nodes.nullNode();
			case String text -> nodes.stringNode(text);
			case Boolean flag -> nodes.booleanNode(flag);
			case Integer number -> nodes.numberNode(number.intValue());
			case Long number -> nodes.numberNode(number.longValue());
			case Double number -> nodes.numberNode(number.doubleValue());
			case BigInteger number -> nodes.numberNode(number);
			case BigDecimal number -> nodes.numberNode(number);
			case Map<?, ?> map -> object(map, mapper);
			case Collection<?> items -> array(items, mapper);
			default -> mapper.valueToTree(value);
		};
	}

	private static ObjectNode object(Map<?, ?> map, JsonMapper mapper) {
		ObjectNode node = mapper.getNodeFactory().objectNode();
		map.forEach((key, member) -> node.set(String.valueOf(key), of(member, mapper)));
		return node;
	}

	private static ArrayNode array(Collection<?> items, JsonMapper mapper) {
		ArrayNode node = mapper.getNodeFactory().arrayNode(items.size());
		items.forEach((item) -> node.add(of(item, mapper)));
		return node;
	}

}
