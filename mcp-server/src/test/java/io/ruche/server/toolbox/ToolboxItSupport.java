package io.ruche.server.toolbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application on a random port with the embedded store in a temporary
 * directory, loopback egress allowed, a low per-tool rate and fast upstream reconnection,
 * and drives it with the MCP Java SDK client over Streamable HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class ToolboxItSupport {

	static final String ADMIN_KEY = "it-toolbox-admin-key-6f1c2a9e4b7d4c0f8e3a";

	static final int TOOL_CALLS_PER_MINUTE = 5;

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	int port;

	private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("platform.data-dir", DATA_DIR::toString);
		registry.add("platform.stores.embedded.data-dir", DATA_DIR::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
		registry.add("platform.toolbox.tool-calls-per-minute", () -> String.valueOf(TOOL_CALLS_PER_MINUTE));
		// upstream MCP sessions are checked and reopened fast, so that tests need not
		// wait
		registry.add("platform.toolbox.upstream-listen.debounce", () -> "200ms");
		registry.add("platform.toolbox.upstream-listen.ping-interval", () -> "500ms");
		registry.add("platform.toolbox.upstream-listen.reconnect-initial", () -> "200ms");
		registry.add("platform.toolbox.upstream-listen.reconnect-max", () -> "1s");
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("ruche-toolbox-it");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach((client) -> {
			try {
				client.closeGracefully();
			}
			catch (RuntimeException ex) {
				// already closed
			}
		});
		this.clients.clear();
	}

	McpSyncClient client() {
		return client("/mcp", (spec) -> {
		});
	}

	McpSyncClient client(String endpoint, Consumer<McpClient.SyncSpec> customizer) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + this.port)
			.endpoint(endpoint)
			.addHttpRequestCustomizer(
					(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + ADMIN_KEY))
			.build();
		McpClient.SyncSpec spec = McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-toolbox-it", "1.0").build())
			.requestTimeout(Duration.ofSeconds(30));
		customizer.accept(spec);
		McpSyncClient client = spec.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
	}

	public static Map<String, Object> ok(CallToolResult result) {
		assertThat(result.isError()).as("isError of %s", text(result)).isFalse();
		return structured(result);
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> structured(CallToolResult result) {
		assertThat(result.structuredContent()).as("structuredContent of %s", text(result)).isInstanceOf(Map.class);
		return (Map<String, Object>) result.structuredContent();
	}

	public static String text(CallToolResult result) {
		List<String> texts = new ArrayList<>();
		if (result.content() != null) {
			result.content()
				.stream()
				.filter(McpSchema.TextContent.class::isInstance)
				.forEach((c) -> texts.add(((McpSchema.TextContent) c).text()));
		}
		return String.join(" | ", texts);
	}

	static void createAgent(McpSyncClient client, String name) {
		ok(call(client, "agent_upsert", Map.of("name", name, "description", "Agent " + name)));
	}

	static Map<String, Object> register(McpSyncClient client, Map<String, Object> tool) {
		return ok(call(client, "tool_register", Map.of("tool", tool)));
	}

	static Map<String, Object> invoke(McpSyncClient client, Map<String, Object> arguments) {
		return structured(call(client, "tool_invoke", arguments));
	}

	static void await(String what, Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (Boolean.TRUE.equals(condition.get())) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
		throw new AssertionError("timed out waiting for " + what);
	}

}
