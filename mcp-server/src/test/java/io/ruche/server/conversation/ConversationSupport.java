package io.ruche.server.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the conversation integration tests: a temporary data directory, the
 * bootstrap key, and MCP clients.
 */
final class ConversationSupport {

	static final String KEY = "it-bootstrap-admin-key-0123456789";

	private ConversationSupport() {
	}

	static void platform(DynamicPropertyRegistry registry) {
		Path dir;
		try {
			dir = Files.createTempDirectory("ruche-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("platform.data-dir", dir::toString);
		registry.add("platform.stores.embedded.data-dir", dir::toString);
		registry.add("RUCHE_DATA_DIR", dir::toString);
		registry.add("platform.bootstrap-key", () -> KEY);
	}

	static McpSyncClient client(int port) {
		return client(port, null);
	}

	static McpSyncClient client(int port, @Nullable Function<CreateMessageRequest, CreateMessageResult> sampling) {
		return clientWith(port, (spec) -> {
			if (sampling != null) {
				spec.capabilities(McpSchema.ClientCapabilities.builder().sampling().build()).sampling(sampling);
			}
		});
	}

	/**
	 * A client whose capabilities and handlers (sampling, elicitation) the test sets.
	 * @param port the server's port
	 * @param capabilities sets the client's capabilities and their handlers
	 * @return the initialised client
	 */
	static McpSyncClient clientWith(int port, Consumer<McpClient.SyncSpec> capabilities) {
		return clientWith(port, KEY, capabilities);
	}

	/**
	 * A client that authenticates with another key (of another tenant, or another role).
	 * @param port the server's port
	 * @param key the API key
	 * @return the initialised client
	 */
	static McpSyncClient clientAs(int port, String key) {
		return clientWith(port, key, (spec) -> {
		});
	}

	private static McpSyncClient clientWith(int port, String key, Consumer<McpClient.SyncSpec> capabilities) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + port)
			.endpoint("/mcp")
			.addHttpRequestCustomizer(
					(builder, method, uri, body, ctx) -> builder.header("Authorization", "Bearer " + key))
			.build();
		McpClient.SyncSpec spec = McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-it", "1.0").build())
			.requestTimeout(Duration.ofSeconds(60))
			.enableCallToolSchemaCaching(true);
		capabilities.accept(spec);
		McpSyncClient client = spec.build();
		client.initialize();
		client.listTools();
		return client;
	}

	static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> ok(CallToolResult result) {
		assertThat(result.isError()).as("tool error: %s", text(result)).isNotEqualTo(Boolean.TRUE);
		assertThat(result.structuredContent()).isNotNull();
		return (Map<String, Object>) result.structuredContent();
	}

	static String text(CallToolResult result) {
		return result.content()
			.stream()
			.filter(TextContent.class::isInstance)
			.map((c) -> ((TextContent) c).text())
			.findFirst()
			.orElse("");
	}

	static void agent(McpSyncClient client, String name, Map<String, Object> settings) {
		ok(call(client, "agent_upsert", Map.of("name", name, "description", "Test agent " + name, "persona",
				"You are " + name + ", the helpful assistant of a small bike shop.", "settings", settings)));
	}

	static Map<String, Object> rule(McpSyncClient client, String agent, Map<String, Object> rule) {
		return ok(call(client, "rule_upsert", Map.of("agent", agent, "rule", rule)));
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The scenario moves of a turn, from its trace.
	 * @param client a connected client
	 * @param reply the turn's {@code converse} result
	 * @return the moves of its {@code scenario_navigation} phase
	 */
	static List<Map<String, Object>> moves(McpSyncClient client, Map<String, Object> reply) {
		Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", reply.get("trace"))));
		Map<String, Object> navigation = list(trace, "phases").stream()
			.filter((phase) -> "scenario_navigation".equals(phase.get("name")))
			.findFirst()
			.orElseThrow();
		return list(map(navigation, "decisions"), "moves");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

}
