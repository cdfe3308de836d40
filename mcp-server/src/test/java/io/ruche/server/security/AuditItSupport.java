package io.ruche.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real server for the audit, metrics and confirmation replays of issue 9: the
 * embedded store in a temporary directory, loopback tools allowed, a scrape token for the
 * metrics and a small cap on tool names in metrics. Every test works in tenants of its
 * own, created through the platform admin's REST API, and talks MCP with the SDK's
 * client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class AuditItSupport {

	/** The admin key of the bootstrap tenant: the platform operator. */
	static final String OPERATOR_KEY = "audit-it-operator-key-3f9a0c5e71d24b8a";

	static final String METRICS_TOKEN = "audit-it-metrics-token-c81f2a6d09e4";

	static final int MAX_TOOL_NAMES_IN_METRICS = 30;

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	int port;

	private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

	private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("platform.data-dir", DATA_DIR::toString);
		registry.add("platform.stores.embedded.data-dir", DATA_DIR::toString);
		registry.add("platform.bootstrap-key", () -> OPERATOR_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
		registry.add("platform.metrics.token", () -> METRICS_TOKEN);
		registry.add("platform.metrics.max-tool-names", () -> String.valueOf(MAX_TOOL_NAMES_IN_METRICS));
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("ruche-audit-it");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void closeClientsAndTools() {
		this.clients.forEach((client) -> {
			try {
				client.closeGracefully();
			}
			catch (RuntimeException ex) {
				// already closed
			}
		});
		this.clients.clear();
		this.servers.forEach((server) -> server.stop(0));
		this.servers.clear();
	}

	RestClient rest(String key) {
		return new RestClient(this.port, key);
	}

	/**
	 * Creates a tenant of its own for a test, through {@code POST /api/tenants}.
	 * @param prefix a readable prefix of its name
	 * @return the tenant and its first admin key
	 */
	TestTenant newTenant(String prefix) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		HttpResponse<String> created = rest(OPERATOR_KEY).post("/api/tenants", Map.of("name", name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Map<String, Object> body = RestClient.map(created);
		return new TestTenant(this, (String) body.get("id"), (String) body.get("admin_key"));
	}

	McpSyncClient mcp(String key) {
		return mcp(key, "/mcp");
	}

	McpSyncClient mcp(String key, String endpoint) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + this.port)
			.endpoint(endpoint)
			.addHttpRequestCustomizer(
					(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + key))
			.build();
		McpSyncClient client = McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-audit-it", "1.0").build())
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	/**
	 * Starts an HTTP tool on loopback that counts its calls and echoes its arguments.
	 * @return the tool, stopped after the test
	 */
	CountingTool countingTool() {
		try {
			AtomicInteger hits = new AtomicInteger();
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				hits.incrementAndGet();
				byte[] body = exchange.getRequestBody().readAllBytes();
				if (body.length == 0) {
					body = "{}".getBytes(StandardCharsets.UTF_8);
				}
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			this.servers.add(server);
			return new CountingTool("http://127.0.0.1:" + server.getAddress().getPort() + "/", hits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A tool registration of the counting tool.
	 * @param tool the counting tool
	 * @param name the tool name
	 * @param confirm whether each call needs a person's confirmation
	 * @return the {@code tool} of {@code tool_register} (the body of
	 * {@code POST /api/tools})
	 */
	static Map<String, Object> httpTool(CountingTool tool, String name, boolean confirm) {
		return Map.of("name", name, "description", "Echoes its arguments", "kind", "http", "target", tool.url(),
				"side_effect", confirm ? "irreversible" : "pure", "requires_confirmation", confirm, "input_schema",
				Map.of("type", "object"));
	}

	/**
	 * An HTTP tool on loopback.
	 *
	 * @param url its target
	 * @param hits how often it was called
	 */
	record CountingTool(String url, AtomicInteger hits) {
	}

	/**
	 * A tenant created for one test.
	 *
	 * @param support the running server
	 * @param id the tenant id
	 * @param adminKey its first admin key
	 */
	record TestTenant(AuditItSupport support, String id, String adminKey) {

		/**
		 * Issues a key of this tenant through {@code POST /api/keys}.
		 * @param role the role
		 * @return the key's secret and id
		 */
		IssuedKey key(String role) {
			HttpResponse<String> created = this.support.rest(this.adminKey).post("/api/keys", Map.of("role", role));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			Map<String, Object> body = RestClient.map(created);
			return new IssuedKey((String) body.get("key"), (String) body.get("id"));
		}

	}

	/**
	 * An issued key.
	 *
	 * @param secret the bearer token
	 * @param id the key id, as the audit names it
	 */
	record IssuedKey(String secret, String id) {
	}

}
