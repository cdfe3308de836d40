package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 hole 12: errors showed internals: a duplicate tenant the SQL text (H2) or the
 * constraint (PostgreSQL), MCP errors Java class names, and {@code "params": "x"} an HTTP
 * 500 with Tomcat's async state. Every error now says what is wrong in the caller's
 * terms.
 */
class ErrorDisclosureIT extends HostileInputSupport {

	@Test
	void refusesADuplicateTenantWithAConflict() {
		HttpResponse<String> first = rest().post("/api/tenants", Map.of("name", "Twice"));
		HttpResponse<String> second = rest().post("/api/tenants", Map.of("name", "twice"));

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(clean(second.body())).contains("tenant 'twice' already exists");
	}

	@Test
	void answersParamsThatAreNotAnObjectWithInvalidParams() {
		String session = openSession();

		HttpResponse<String> call = postMcp(session,
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":\"x\"}");
		HttpResponse<String> initialize = postMcp(null,
				"{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"initialize\",\"params\":\"x\"}");

		assertJsonRpcError(call, 7, -32602, "Invalid params: 'params' must be an object");
		assertJsonRpcError(initialize, 8, -32602, "Invalid params: 'params' must be an object");
	}

	@Test
	void answersMalformedRequestsInTheCallersTerms() {
		String session = openSession();

		assertJsonRpcError(
				postMcp(session,
						"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
								+ "\"params\":{\"name\":\"agents_list\",\"arguments\":\"x\"}}"),
				1, -32602, "Invalid params of tools/call: 'arguments' must be an object");
		assertJsonRpcError(
				postMcp(session,
						"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\"," + "\"params\":{\"arguments\":{}}}"),
				2, -32602, "Invalid params of tools/call: 'name' is required");
		assertJsonRpcError(
				postMcp(session,
						"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\"," + "\"params\":{\"uri\":[1]}}"),
				3, -32602, "Invalid params of resources/read: 'uri' must be a string");
		assertJsonRpcError(
				postMcp(session,
						"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/get\","
								+ "\"params\":{\"name\":\"agent_persona\",\"arguments\":{\"agent\":{}}}}"),
				4, -32602, "Invalid params of prompts/get: 'arguments.agent' must be a string");
		assertJsonRpcError(postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}"), 5, -32600,
				"Invalid request: 'method' must be a string");
		assertJsonRpcError(postMcp(session, "[{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}]"), null, -32600,
				"Invalid request: send one JSON-RPC message per request (batches are not supported)");
		assertJsonRpcError(postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":"), null, -32700,
				"Parse error: the body is not valid JSON");
	}

	@Test
	void answersUnexpectedMcpFailuresWithoutClassNames() {
		String session = openSession();

		HttpResponse<String> unknownResource = postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":1,"
				+ "\"method\":\"resources/read\",\"params\":{\"uri\":\"ruche://agents/nobody/rules/none\"}}");
		HttpResponse<String> unknownPrompt = postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":2,"
				+ "\"method\":\"prompts/get\",\"params\":{\"name\":\"agent_persona\",\"arguments\":{}}}");
		HttpResponse<String> unknownTool = postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":3,"
				+ "\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}");
		HttpResponse<String> badCompletion = postMcp(session, "{\"jsonrpc\":\"2.0\",\"id\":4,"
				+ "\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"x\"},"
				+ "\"argument\":{\"name\":\"agent\",\"value\":\"a\"}}}");

		assertThat(clean(unknownResource.body())).contains("\"error\"").contains("not found");
		assertThat(clean(unknownPrompt.body())).contains("\"error\"").contains("agent");
		assertThat(clean(unknownTool.body())).contains("\"error\"").contains("no_such_tool");
		assertThat(clean(badCompletion.body())).contains("\"error\"");
	}

	@Test
	void answersMalformedRestBodiesWithAProblem() {
		HttpResponse<String> notJson = rest().postText("/api/agents", "application/json", "{\"name\":");
		HttpResponse<String> notAnObject = rest().postText("/api/agents", "application/json", "[1, 2]");
		HttpResponse<String> wrongType = rest().post("/api/agents", Map.of("name", Map.of("first", "x")));

		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(clean(notJson.body())).contains("\"status\":400");
		assertThat(notAnObject.statusCode()).isEqualTo(400);
		assertThat(clean(notAnObject.body())).contains("\"status\":400");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(clean(wrongType.body())).contains("argument 'name' must be a string");
	}

	private static void assertJsonRpcError(HttpResponse<String> response, Integer id, int code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(clean(response.body())).contains("\"code\":" + code)
			.contains("\"message\":\"" + message + "\"")
			.contains("\"id\":" + id);
	}

}
