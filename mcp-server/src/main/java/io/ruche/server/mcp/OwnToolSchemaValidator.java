package io.ruche.server.mcp;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.SchemaValidator.PreparedSchema;

/**
 * The SDK's per-call schema validation, made cheap for Ruche's own tools, whose schemas
 * are fixed at start-up and frozen ({@link ToolSpecifications}), so the SDK passes the
 * same instances on every call and they are known by identity:
 * <ul>
 * <li>their input schemas are compiled once, here, instead of being serialised on every
 * call to find their compiled form (a visible share of a cheap call, see
 * docs/performance.md); arguments are still validated on every call;</li>
 * <li>their structured results are not re-validated: our code builds them from those
 * schemas, and the integration tests check them against them.</li>
 * </ul>
 * Every other schema (foreign tools' inputs and outputs) goes to the delegate.
 */
final class OwnToolSchemaValidator implements JsonSchemaValidator {

	private final JsonSchemaValidator delegate;

	private final Map<Map<String, Object>, PreparedSchema> inputSchemas;

	private final Set<Map<String, Object>> outputSchemas;

	OwnToolSchemaValidator(JsonSchemaValidator delegate, SchemaValidator schemas, List<McpSchema.Tool> ownTools) {
		this.delegate = delegate;
		Map<Map<String, Object>, PreparedSchema> inputs = new IdentityHashMap<>();
		Set<Map<String, Object>> outputs = Collections.newSetFromMap(new IdentityHashMap<>());
		for (McpSchema.Tool tool : ownTools) {
			inputs.put(tool.inputSchema(), schemas.prepare(tool.inputSchema()));
			if (tool.outputSchema() != null) {
				outputs.add(tool.outputSchema());
			}
		}
		this.inputSchemas = Collections.unmodifiableMap(inputs);
		this.outputSchemas = Collections.unmodifiableSet(outputs);
	}

	@Override
	public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
		if (this.outputSchemas.contains(schema)) {
			return ValidationResponse.asValid(null);
		}
		PreparedSchema input = this.inputSchemas.get(schema);
		if (input == null) {
			return this.delegate.validate(schema, structuredContent);
		}
		// the SDK reads no text from an input's validation
		List<String> problems = input.validate(structuredContent);
		return problems.isEmpty() ? ValidationResponse.asValid(null)
				: ValidationResponse.asInvalid(String.join("; ", problems));
	}

	@Override
	public ValidationResponse validateSchema(Map<String, Object> schema) {
		return this.delegate.validateSchema(schema);
	}

}
