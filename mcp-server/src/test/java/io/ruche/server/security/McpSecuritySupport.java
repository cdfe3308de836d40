package io.ruche.server.security;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application once for the MCP edge's security tests (embedded store,
 * loopback tool targets allowed, small pinned-server limits and idle timeouts, a
 * configured origin list) and replays attacks over real sockets: the MCP Java SDK client
 * for the victims, raw HTTP for the attacker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class McpSecuritySupport {

	static final String ADMIN_KEY = "it-security-admin-key-3c9e51d07a4b4f28";

	static final int PINNED_AGENTS_PER_TENANT = 4;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger NAMES = new AtomicInteger();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-security-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
		registry.add("platform.mcp.pinned-agents-per-tenant", () -> String.valueOf(PINNED_AGENTS_PER_TENANT));
		registry.add("platform.mcp.pinned-server-idle-timeout", () -> "1s");
		// long enough for the SDK's own sweep (same interval) to spare a session whose
		// initialize is slow on a cold server
		registry.add("platform.mcp.session-idle-timeout", () -> "10s");
		registry.add("platform.mcp.allowed-origins", () -> "http://localhost:*,https://console.example.com");
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(McpSyncClient::closeGracefully);
		this.clients.clear();
	}

	/**
	 * Ends a client's session (DELETE) before the test ends.
	 */
	void close(McpSyncClient client) {
		this.clients.remove(client);
		client.closeGracefully();
	}

	/**
	 * A name no other test used, for tenants and agents.
	 */
	static String unique(String prefix) {
		return prefix + "-" + NAMES.incrementAndGet();
	}

	/**
	 * Creates a tenant with the bootstrap (platform admin) key.
	 * @return the new tenant's admin key
	 */
	String newTenant() throws Exception {
		HttpResponse<String> created = send("POST", "/api/tenants", ADMIN_KEY, null,
				"{\"name\":\"" + unique("tenant") + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return (String) json(created.body()).get("admin_key");
	}

	/**
	 * Issues a key of the admin's tenant.
	 * @return the key's secret and id
	 */
	Key newKey(String adminKey, String role) throws Exception {
		HttpResponse<String> created = send("POST", "/api/keys", adminKey, null, "{\"role\":\"" + role + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Map<String, Object> body = json(created.body());
		return new Key((String) body.get("key"), (String) body.get("id"));
	}

	McpSyncClient client(String key) {
		return client(key, "", (spec) -> {
		});
	}

	McpSyncClient client(String key, String query, Consumer<McpClient.SyncSpec> customizer) {
		return client(transport(key, query, new AtomicReference<>()), customizer);
	}

	McpSyncClient client(McpClientTransport transport, Consumer<McpClient.SyncSpec> customizer) {
		McpClient.SyncSpec spec = McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-security-it", "1.0").build())
			.requestTimeout(Duration.ofSeconds(20));
		customizer.accept(spec);
		McpSyncClient client = spec.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	/**
	 * The SDK's Streamable HTTP transport, sending the key, and telling the session id
	 * the server assigned (as an attacker who stole it would know it).
	 */
	HttpClientStreamableHttpTransport transport(String key, String query, AtomicReference<String> sessionId) {
		return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port)
			.endpoint("/mcp" + query)
			.addHttpRequestCustomizer((builder, method, uri, body, context) -> {
				builder.header("Authorization", "Bearer " + key);
				builder.copy().build().headers().firstValue("Mcp-Session-Id").ifPresent(sessionId::set);
			})
			.build();
	}

	static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
		assertThat(result.isError()).as("%s failed: %s", tool, result.content()).isFalse();
		return result;
	}

	/**
	 * A raw {@code initialize} POST, as a script would send it.
	 */
	HttpResponse<String> initialize(String query, String key) throws Exception {
		return send("POST", "/mcp" + query, key, null, initializeBody());
	}

	HttpResponse<String> send(String method, String path, String key, String sessionId, String body) throws Exception {
		return send(method, path, key, sessionId, body, Map.of());
	}

	HttpResponse<String> send(String method, String path, String key, String sessionId, String body,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (sessionId != null) {
			request.header("Mcp-Session-Id", sessionId);
		}
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens a GET stream as a script would.
	 * @return the status; 200 when the stream was held open without an answer, as the SDK
	 * sends the headers of an accepted stream only with its first event
	 */
	int openStream(String key, String sessionId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + key)
			.header("Mcp-Session-Id", sessionId)
			.GET()
			.build();
		HttpClient client = HttpClient.newHttpClient();
		try {
			HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
				.get(3, TimeUnit.SECONDS);
			response.body().close();
			return response.statusCode();
		}
		catch (TimeoutException ex) {
			return 200;
		}
		finally {
			client.shutdownNow();
		}
	}

	static String initializeBody() {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
				+ "\"capabilities\":{},\"clientInfo\":{\"name\":\"attacker\",\"version\":\"1\"}}}";
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(String body) {
		return JSON.readValue(body, Map.class);
	}

	static void await(String what, Supplier<Boolean> condition) {
		await(what, Duration.ofSeconds(20), condition);
	}

	static void await(String what, Duration timeout, Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Boolean.TRUE.equals(condition.get())) {
				return;
			}
			pause(Duration.ofMillis(100));
		}
		throw new AssertionError("timed out waiting for " + what);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	/**
	 * An API key as issued.
	 *
	 * @param secret the bearer secret
	 * @param id the key id
	 */
	record Key(String secret, String id) {
	}

}
