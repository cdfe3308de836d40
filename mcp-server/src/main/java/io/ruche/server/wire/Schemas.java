package io.ruche.server.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON Schemas of the MCP tools once, at start-up, as plain maps.
 */
public final class Schemas {

	private Schemas() {
	}

	public static Map<String, Object> string(String description) {
		return Map.of("type", "string", "description", description);
	}

	public static Map<String, Object> integer(String description) {
		return Map.of("type", "integer", "description", description);
	}

	public static Map<String, Object> number(String description) {
		return Map.of("type", "number", "description", description);
	}

	public static Map<String, Object> bool(String description) {
		return Map.of("type", "boolean", "description", description);
	}

	public static Map<String, Object> enumeration(String description, String... values) {
		return Map.of("type", "string", "description", description, "enum", List.of(values));
	}

	public static Map<String, Object> arrayOf(Map<String, Object> items, String description) {
		return Map.of("type", "array", "items", items, "description", description);
	}

	public static Map<String, Object> anyObject(String description) {
		return Map.of("type", "object", "description", description);
	}

	public static Map<String, Object> nullable(Map<String, Object> schema) {
		Map<String, Object> copy = new LinkedHashMap<>(schema);
		Object type = schema.get("type");
		if (type instanceof String single) {
			copy.put("type", List.of(single, "null"));
		}
		return copy;
	}

	/**
	 * Starts an object schema.
	 * @return a builder
	 */
	public static ObjectSchema object() {
		return new ObjectSchema();
	}

	/**
	 * A deep copy that nothing can change, in the same order, for schemas that are
	 * compiled once and then recognised by identity.
	 * @param schema the schema
	 * @return the unmodifiable copy
	 */
	public static Map<String, Object> frozen(Map<String, Object> schema) {
		Map<String, Object> copy = new LinkedHashMap<>();
		schema.forEach((key, value) -> copy.put(key, frozenValue(value)));
		return Collections.unmodifiableMap(copy);
	}

	@SuppressWarnings("unchecked")
	private static Object frozenValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return frozen((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Schemas::frozenValue).toList();
		}
		return value;
	}

	/**
	 * A builder of object schemas.
	 */
	public static final class ObjectSchema {

		private final Map<String, Object> properties = new LinkedHashMap<>();

		private final List<String> required = new ArrayList<>();

		private Object additional = true;

		public ObjectSchema property(String name, Map<String, Object> schema) {
			this.properties.put(name, schema);
			return this;
		}

		public ObjectSchema required(String name, Map<String, Object> schema) {
			this.required.add(name);
			return property(name, schema);
		}

		public ObjectSchema requiredNames(String... names) {
			this.required.addAll(Arrays.asList(names));
			return this;
		}

		/**
		 * Allows other properties, each matching a schema.
		 * @param schema the schema of every undeclared property
		 * @return this builder
		 */
		public ObjectSchema others(Map<String, Object> schema) {
			this.additional = schema;
			return this;
		}

		public Map<String, Object> build() {
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("type", "object");
			schema.put("properties", Map.copyOf(this.properties));
			if (!this.required.isEmpty()) {
				schema.put("required", List.copyOf(this.required));
			}
			if (!Boolean.TRUE.equals(this.additional)) {
				schema.put("additionalProperties", this.additional);
			}
			return schema;
		}

	}

}
