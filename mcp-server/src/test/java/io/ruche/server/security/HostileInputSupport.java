package io.ruche.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the hostile inputs of issue 9 against the real server on a random port (the
 * embedded store in a temporary directory): MCP with the SDK client or raw JSON-RPC, REST
 * with {@code java.net.http}. The area test classes share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HostileInputSupport {

	static final String ADMIN_KEY = "hostile-input-it-admin-key";

	/** What no error shown to a caller may contain: stack traces, class names, SQL. */
	static final List<String> INTERNALS = List.of("Exception", "java.", "io.modelcontextprotocol", "tools.jackson",
			"com.networknt", "io.ruche", "SQL", "INSERT ", "\tat ", "Async state");

	@LocalServerPort
	int port;

	private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-hostile-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(McpSyncClient::closeGracefully);
	}

	McpSyncClient mcp(String query) {
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port)
				.endpoint("/mcp" + query)
				.addHttpRequestCustomizer(
						(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + ADMIN_KEY))
				.build())
			.requestTimeout(Duration.ofSeconds(20))
			.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	RestClient rest() {
		return new RestClient(this.port, ADMIN_KEY);
	}

	static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
	}

	static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = call(client, tool, arguments);
		assertThat(result.isError()).as("%s failed: %s", tool, text(result)).isFalse();
		@SuppressWarnings("unchecked")
		Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
		return structured;
	}

	/** Calls a tool that must fail, and returns its message, checked for internals. */
	static String refusal(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = call(client, tool, arguments);
		assertThat(result.isError()).as("%s should fail: %s", tool, text(result)).isTrue();
		return clean(text(result));
	}

	static String text(CallToolResult result) {
		return result.content().stream().map((c) -> ((TextContent) c).text()).reduce("", String::concat);
	}

	/** Checks that an error shown to a caller carries no internals, and returns it. */
	static String clean(String error) {
		assertThat(error).as("an error shown to the caller").doesNotContain(INTERNALS);
		return error;
	}

	/**
	 * Opens an MCP session with raw JSON-RPC, as a script would.
	 * @return the session id
	 */
	String openSession() {
		HttpResponse<String> initialized = postMcp(null,
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
						+ "\"capabilities\":{},\"clientInfo\":{\"name\":\"script\",\"version\":\"1\"}}}");
		assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
		String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
		postMcp(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		return session;
	}

	HttpResponse<String> postMcp(String session, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp"))
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (session != null) {
			request.header("Mcp-Session-Id", session);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
