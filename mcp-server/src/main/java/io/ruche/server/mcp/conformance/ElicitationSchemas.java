package io.ruche.server.mcp.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The {@code requestedSchema}s of the elicitation fixtures, as the plain JSON Schema maps
 * the wire carries.
 */
final class ElicitationSchemas {

	private ElicitationSchemas() {
	}

	static Map<String, Object> userInformation() {
		return form(Map.of("username", Map.of("type", "string", "description", "User's response"), "email",
				Map.of("type", "string", "description", "User's email address")), List.of("username", "email"));
	}

	/** SEP-1034: a default value on every primitive field type. */
	static Map<String, Object> withDefaults() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("name", Map.of("type", "string", "description", "User name", "default", "John Doe"));
		properties.put("age", Map.of("type", "integer", "description", "User age", "default", 30));
		properties.put("score", Map.of("type", "number", "description", "User score", "default", 95.5));
		properties.put("status", Map.of("type", "string", "description", "User status", "enum",
				List.of("active", "inactive", "pending"), "default", "active"));
		properties.put("verified", Map.of("type", "boolean", "description", "Verification status", "default", true));
		return form(properties, List.of());
	}

	/** SEP-1330: untitled, titled and legacy single-select and multi-select enums. */
	static Map<String, Object> enums() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("untitledSingle", Map.of("type", "string", "description", "Select one option", "enum",
				List.of("option1", "option2", "option3")));
		properties.put("titledSingle", Map.of("type", "string", "description", "Select one option with titles", "oneOf",
				options("value", "Option")));
		properties.put("legacyEnum", Map.of("type", "string", "description", "Select one option (legacy)", "enum",
				List.of("opt1", "opt2", "opt3"), "enumNames", List.of("Option One", "Option Two", "Option Three")));
		properties.put("untitledMulti", Map.of("type", "array", "description", "Select multiple options", "minItems", 1,
				"maxItems", 3, "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
		properties.put("titledMulti", Map.of("type", "array", "description", "Select multiple options with titles",
				"minItems", 1, "maxItems", 3, "items", Map.of("anyOf", options("value", "Choice"))));
		return form(properties, List.of());
	}

	private static List<Map<String, Object>> options(String value, String noun) {
		List<String> ordinals = List.of("First", "Second", "Third");
		return IntStream.range(0, ordinals.size())
			.mapToObj((i) -> Map.<String, Object>of("const", value + (i + 1), "title", ordinals.get(i) + " " + noun))
			.toList();
	}

	private static Map<String, Object> form(Map<String, Object> properties, List<String> required) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		if (!required.isEmpty()) {
			schema.put("required", required);
		}
		return schema;
	}

}
