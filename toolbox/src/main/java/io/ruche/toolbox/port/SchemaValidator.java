package io.ruche.toolbox.port;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Checks JSON Schemas (draft 2020-12) and validates values against them. The app
 * implements it with a JSON Schema library; implementations are thread-safe and cache
 * compiled schemas.
 */
public interface SchemaValidator {

	/**
	 * Checks that a schema is itself a valid JSON Schema.
	 * @param schema the schema as JSON-like values, must not be null
	 * @return human-readable problems, empty when the schema is valid; never null
	 */
	List<String> checkSchema(Map<String, Object> schema);

	/**
	 * Validates a value against a schema.
	 * @param schema a schema that passed {@link #checkSchema}
	 * @param value the JSON-like value (maps, lists, strings, numbers, booleans, null)
	 * @return problems such as {@code $.city: is missing}, empty when valid; never null
	 */
	List<String> validate(Map<String, Object> schema, @Nullable Object value);

	/**
	 * Prepares a schema that values will be validated against many times, so that it is
	 * compiled once rather than looked up on every call. The schema must not change
	 * afterwards.
	 * @param schema a schema that passed {@link #checkSchema}
	 * @return the schema's validator
	 */
	default PreparedSchema prepare(Map<String, Object> schema) {
		return (value) -> validate(schema, value);
	}

	/** One schema, ready to validate values. */
	@FunctionalInterface
	interface PreparedSchema {

		/**
		 * Validates a value.
		 * @param value the JSON-like value
		 * @return problems, empty when valid; never null
		 */
		List<String> validate(@Nullable Object value);

	}

}
