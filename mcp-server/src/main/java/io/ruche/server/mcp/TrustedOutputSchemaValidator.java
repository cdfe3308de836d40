package io.ruche.server.mcp;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

/**
 * Validates tool inputs (and foreign tools' outputs) with the delegate, but does not
 * re-validate the structured results of Ruche's own tools on every call: those are built
 * by our code from fixed schemas and checked against them by the integration tests, and
 * validating them per call was a measurable share of a cheap tool call's cost (see
 * docs/performance.md).
 */
final class TrustedOutputSchemaValidator implements JsonSchemaValidator {

	private final JsonSchemaValidator delegate;

	private final Set<Map<String, Object>> trustedOutputSchemas;

	TrustedOutputSchemaValidator(JsonSchemaValidator delegate, Iterable<Map<String, Object>> trustedOutputSchemas) {
		this.delegate = delegate;
		Set<Map<String, Object>> trusted = Collections.newSetFromMap(new IdentityHashMap<>());
		trustedOutputSchemas.forEach(trusted::add);
		this.trustedOutputSchemas = Collections.unmodifiableSet(trusted);
	}

	@Override
	public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
		if (this.trustedOutputSchemas.contains(schema)) {
			return ValidationResponse.asValid(null);
		}
		return this.delegate.validate(schema, structuredContent);
	}

	@Override
	public ValidationResponse validateSchema(Map<String, Object> schema) {
		return this.delegate.validateSchema(schema);
	}

}
