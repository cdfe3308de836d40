package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 hole 13: in a tool's schema, {@code "$ref": "#"} overflowed the stack (REST
 * 500, MCP HTTP 500), {@code classpath:} references loaded server files, and
 * {@code file:} or {@code http:} ones were accepted and failed every call. Only
 * references inside the schema are accepted, and loops are refused at registration.
 */
class SchemaReferencesIT extends HostileInputSupport {

	@Test
	void refusesALoopingReferenceAtRegistration() {
		McpSyncClient client = mcp("");

		String mcp = refusal(client, "tool_register", Map.of("tool", tool("loop-mcp", Map.of("$ref", "#"))));
		HttpResponse<String> rest = rest().post("/api/tools",
				tool("loop-rest", Map.of("allOf", java.util.List.of(Map.of("$ref", "#")))));

		assertThat(mcp).contains("input_schema: the schema at / refers back to /").contains("loops forever");
		assertThat(rest.statusCode()).isEqualTo(400);
		assertThat(clean(rest.body())).contains("refers back to /").contains("loops forever");
	}

	@Test
	void refusesReferencesOutsideTheSchemaAtRegistration() {
		McpSyncClient client = mcp("");

		for (String ref : new String[] { "classpath:application.yaml", "file:///etc/passwd",
				"http://127.0.0.1:6379/schema.json" }) {
			String refusal = refusal(client, "tool_register",
					Map.of("tool", tool("outside", Map.of("properties", Map.of("city", Map.of("$ref", ref))))));

			assertThat(refusal).contains("$ref '" + ref + "' at /properties/city/$ref points outside the schema");
		}
		HttpResponse<String> check = rest().post("/api/tools/schema/check",
				Map.of("schema", Map.of("type", "object", "$schema", "classpath:application.yaml")));
		assertThat(clean(check.body())).contains("\"valid\":false").contains("is not a dialect this server knows");
	}

	@Test
	void acceptsLocalReferences() {
		Map<String, Object> schema = Map.of("properties", Map.of("city", Map.of("$ref", "#/$defs/city")), "$defs",
				Map.of("city", Map.of("type", "string", "minLength", 1)));

		Map<String, Object> registered = ok(mcp(""), "tool_register", Map.of("tool", tool("local-refs", schema)));

		assertThat(registered.toString()).contains("local-refs");
	}

	static Map<String, Object> tool(String name, Map<String, Object> schema) {
		Map<String, Object> input = new java.util.LinkedHashMap<>(schema);
		input.put("type", "object");
		return Map.of("name", name, "description", "A tool with a hostile schema", "kind", "http", "target",
				"http://127.0.0.1:9/never", "side_effect", "pure", "input_schema", input);
	}

}
