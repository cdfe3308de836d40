package io.ruche.server.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.ruche.toolbox.port.SchemaValidator;

/**
 * The SDK's tool input and output validation, done by the Toolbox's validator. The SDK's
 * default one runs patterns on the backtracking JDK engine, overflows the stack on
 * {@code "$ref": "#"} (an HTTP 500 instead of a tool error), and caches compiled schemas
 * by {@code $id}, so that two tenants' tools with the same {@code $id} would share one.
 * Schemas are checked when tools are registered, so {@link #validateSchema} stays the
 * interface's no-op: a tool stored before a check tightened is refused per call with the
 * reason, instead of breaking the server that lists it.
 */
final class ToolboxJsonSchemaValidator implements JsonSchemaValidator {

	private final SchemaValidator schemas;

	private final McpJsonMapper json;

	ToolboxJsonSchemaValidator(SchemaValidator schemas, McpJsonMapper json) {
		this.schemas = schemas;
		this.json = json;
	}

	@Override
	public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
		List<String> problems = this.schemas.validate(schema, structuredContent);
		if (!problems.isEmpty()) {
			return ValidationResponse.asInvalid(String.join("; ", problems));
		}
		try {
			// the SDK sends this text as the content of a tool that returned only
			// structure
			return ValidationResponse.asValid(this.json.writeValueAsString(structuredContent));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
