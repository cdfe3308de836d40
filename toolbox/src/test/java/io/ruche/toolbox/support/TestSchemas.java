package io.ruche.toolbox.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ruche.toolbox.port.SchemaValidator;

/**
 * A small schema checker: object type, required properties and primitive property types.
 */
public final class TestSchemas implements SchemaValidator {

	private static final Set<String> TYPES = Set.of("object", "string", "number", "integer", "boolean", "array",
			"null");

	@Override
	public List<String> checkSchema(Map<String, Object> schema) {
		Object type = schema.get("type");
		return (type == null || TYPES.contains(type)) ? List.of() : List.of("unknown type '" + type + "'");
	}

	@Override
	public List<String> validate(Map<String, Object> schema, Object value) {
		List<String> problems = new ArrayList<>();
		if ("object".equals(schema.get("type")) && !(value instanceof Map)) {
			return List.of("$: must be an object");
		}
		if (!(value instanceof Map<?, ?> object)) {
			return problems;
		}
		if (schema.get("required") instanceof List<?> required) {
			required.stream()
				.filter((name) -> !object.containsKey(name))
				.forEach((name) -> problems.add("$." + name + ": is missing"));
		}
		if (schema.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((name, property) -> {
				Object item = object.get(name);
				if (item != null && property instanceof Map<?, ?> p && !hasType(item, p.get("type"))) {
					problems.add("$." + name + ": must be a " + p.get("type"));
				}
			});
		}
		return problems;
	}

	private static boolean hasType(Object value, Object type) {
		return switch (String.valueOf(type)) {
			case "string" -> value instanceof String;
			case "number" -> value instanceof Number;
			case "integer" -> value instanceof Long || value instanceof Integer;
			case "boolean" -> value instanceof Boolean;
			case "object" -> value instanceof Map;
			case "array" -> value instanceof List;
			default -> true;
		};
	}

}
