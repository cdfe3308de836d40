package io.ruche.server.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.kernel.port.TenantStore;
import io.ruche.server.config.ToolboxProperties;
import io.ruche.server.web.RestClient;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.UpstreamWatch;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.upstream.ListenerDependencies;
import io.ruche.toolbox.upstream.UpstreamListeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9, holes 1, 7 and 9, replayed from outside with the MCP Java SDK client and the
 * REST API against the real server, on the production egress defaults (loopback refused).
 * A non-HTTP service listens on a loopback port, as Redis does; no registration, re-sync,
 * listener or invocation may connect to it, every answer says {@code egress_refused}
 * without a byte of its banner, and target credentials are neither accepted nor shown.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EgressSecurityIT {

	static final String ADMIN_KEY = "egress-security-it-admin-key-1b7e93c2";

	static final String PASSWORD = "s3cr3t-5a1b";

	static BannerServer internal;

	@LocalServerPort
	int port;

	@Autowired
	ToolCatalogStore catalog;

	@Autowired
	EmbeddingModel embeddings;

	@Autowired
	ChangeBroadcast broadcast;

	@Autowired
	UpstreamListeners listeners;

	private final List<McpSyncClient> clients = new ArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-egress-security-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.upstream-listen.reconnect-initial", () -> "200ms");
		registry.add("platform.toolbox.upstream-listen.reconnect-max", () -> "1s");
	}

	@BeforeAll
	static void startInternalService() {
		internal = new BannerServer();
	}

	@AfterAll
	static void stopInternalService() throws IOException {
		internal.close();
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(McpSyncClient::closeGracefully);
		this.clients.clear();
	}

	// ISSUE-9 (hole 1): tool_register {kind: mcp} connected to any address and answered
	// with the connection error, a port scanner
	@Test
	void mcpRegistrationOfALoopbackServiceIsRefusedWithoutConnecting() {
		McpSyncClient client = client(ADMIN_KEY);
		int port = internal.port();
		List<String> targets = List.of("http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/mcp",
				"http://[::1]:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/",
				"http://[::127.0.0.1]:" + port + "/", "http://0.0.0.0:" + port + "/",
				"http://[64:ff9b::7f00:1]:" + port + "/", "http://[2002:7f00:1::1]:" + port + "/");

		for (int i = 0; i < targets.size(); i++) {
			CallToolResult result = call(client, "tool_register", Map.of("tool", mcpTool("scan" + i, targets.get(i))));

			assertThat(result.isError()).as(targets.get(i)).isTrue();
			assertThat(text(result)).as(targets.get(i))
				.contains("egress_refused")
				.doesNotContain("internal-service-banner")
				.doesNotContainIgnoringCase("reset")
				.doesNotContain("EOF");
		}
		assertThat(internal.connections()).isZero();
		assertThat(this.catalog.list(TenantBootstrap.DEFAULT_TENANT)).extracting(ToolDefinition::name)
			.noneMatch((name) -> name.startsWith("scan"));
	}

	@Test
	void restRegistrationOfALoopbackServiceIsRefusedWithoutConnecting() {
		RestClient api = new RestClient(this.port, ADMIN_KEY);

		HttpResponse<String> response = api.post("/api/tools",
				mcpTool("rest_scan", "http://127.0.0.1:" + internal.port() + "/"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("egress_refused").doesNotContain("internal-service-banner");
		assertThat(internal.connections()).isZero();
		assertThat(this.catalog.find(TenantBootstrap.DEFAULT_TENANT, "rest_scan")).isEmpty();
	}

	// ISSUE-9 (hole 1): tool_resync of a registration stored before the check connected
	@Test
	void resyncOfARegistrationWhoseTargetIsRefusedDoesNotConnect() {
		save(server("legacy_resync", "http://127.0.0.1:" + internal.port() + "/mcp"));

		CallToolResult result = call(client(ADMIN_KEY), "tool_resync", Map.of("name", "legacy_resync"));

		assertThat(result.isError()).isTrue();
		assertThat(text(result)).contains("egress_refused").doesNotContain("internal-service-banner");
		assertThat(internal.connections()).isZero();
	}

	// ISSUE-9 (hole 1): the listener connected to every stored registration, at every
	// boot
	@Test
	void listenerConnectsToARefusedTargetNeitherWhenAnnouncedNorAtStart(CapturedOutput output,
			@Autowired TenantStore tenants, @Autowired SecretCipher cipher, @Autowired UpstreamWatch watch,
			@Autowired Egress egress, @Autowired ToolRegistry registry, @Autowired ToolboxProperties toolbox) {
		save(server("legacy_listen", "http://127.0.0.1:" + internal.port() + "/mcp"));

		this.broadcast.publish(new ConfigurationChanged(TenantBootstrap.DEFAULT_TENANT, "*", "tool", "legacy_listen"));
		await("the running listener's refusal", () -> occurrences(output, "Not listening to the MCP server "
				+ "legacy_listen of tenant default: egress_refused: host 127.0.0.1 resolves to a loopback address") == 1);
		try (UpstreamListeners booted = UpstreamListeners.create(
				new ListenerDependencies(registry, this.catalog, tenants, cipher, watch, this.broadcast, egress),
				toolbox.listenSettings())) {
			booted.start();
			await("the refusal at start",
					() -> occurrences(output, "Not listening to the MCP server legacy_listen") == 2);

			assertThat(booted.connected(TenantBootstrap.DEFAULT_TENANT)).isEmpty();
		}
		assertThat(this.listeners.connected(TenantBootstrap.DEFAULT_TENANT)).doesNotContain("legacy_listen");
		assertThat(internal.connections()).isZero();
	}

	// ISSUE-9 (hole 1): an imported tool whose server is now refused
	@Test
	void invokingAnImportedToolOfARefusedServerIsRejectedWithoutConnecting() {
		String target = "http://127.0.0.1:" + internal.port() + "/mcp";
		save(new ToolDefinition(TenantBootstrap.DEFAULT_TENANT, "legacy_import.echo", "Echoes",
				Map.of("type", "object"), null, ToolKind.MCP, target,
				new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(),
				Map.of(ImportedTools.UPSTREAM_NAME, "echo"), "legacy_import", 0, Instant.now()));

		CallToolResult result = call(client(ADMIN_KEY), "tool_invoke",
				Map.of("name", "legacy_import.echo", "arguments", Map.of()));

		assertThat(result.isError()).isTrue();
		assertThat(structured(result)).containsEntry("status", "rejected").containsEntry("reason", "egress_refused");
		assertThat(internal.connections()).isZero();
	}

	// ISSUE-9 (hole 7): IPv6 forms of a loopback address were treated as public
	@Test
	void httpToolsOnIpv6FormsOfALoopbackAddressAreRejected() {
		McpSyncClient client = client(ADMIN_KEY);
		int port = internal.port();
		List<String> targets = List.of("http://[::127.0.0.1]:" + port + "/", "http://[64:ff9b::7f00:1]:" + port + "/",
				"http://[2002:7f00:1::1]:" + port + "/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:" + port + "/");

		for (int i = 0; i < targets.size(); i++) {
			Map<String, Object> tool = Map.of("name", "v6_" + i, "description", "An IPv6 form of loopback", "kind",
					"http", "target", targets.get(i), "side_effect", "pure", "input_schema", Map.of("type", "object"));
			assertThat(call(client, "tool_register", Map.of("tool", tool)).isError()).isFalse();

			CallToolResult result = call(client, "tool_invoke", Map.of("name", "v6_" + i, "arguments", Map.of()));

			assertThat(structured(result)).as(targets.get(i))
				.containsEntry("status", "rejected")
				.containsEntry("reason", "egress_refused");
		}
		assertThat(internal.connections()).isZero();
	}

	// ISSUE-9 (hole 9): credentials in targets were stored in clear and echoed in
	// errors, logs and tool views
	@Test
	void credentialsInTargetsAreRefusedAndNeverShown(CapturedOutput output) {
		McpSyncClient admin = client(ADMIN_KEY);
		RestClient api = new RestClient(this.port, ADMIN_KEY);
		String withCredentials = "http://bob:" + PASSWORD + "@127.0.0.1:" + internal.port() + "/mcp";

		CallToolResult http = call(admin, "tool_register",
				Map.of("tool", Map.of("name", "creds_http", "description", "Has credentials", "kind", "http", "target",
						withCredentials, "side_effect", "pure", "input_schema", Map.of("type", "object"))));
		CallToolResult mcp = call(admin, "tool_register", Map.of("tool", mcpTool("creds_mcp", withCredentials)));
		HttpResponse<String> rest = api.post("/api/tools", mcpTool("creds_rest", withCredentials));

		assertThat(List.of(http, mcp)).allSatisfy((result) -> {
			assertThat(result.isError()).isTrue();
			assertThat(text(result)).contains("secret_headers").doesNotContain(PASSWORD);
		});
		assertThat(rest.statusCode()).isEqualTo(400);
		assertThat(rest.body()).contains("secret_headers").doesNotContain(PASSWORD);

		save(new ToolDefinition(TenantBootstrap.DEFAULT_TENANT, "legacy_creds", "Registered before the refusal",
				Map.of("type", "object"), null, ToolKind.HTTP, withCredentials,
				new ExecutionPolicy(5_000, SideEffect.PURE, false), Map.of(), Map.of(), null, 0, Instant.now()));
		save(server("legacy_creds_srv", withCredentials));
		this.broadcast
			.publish(new ConfigurationChanged(TenantBootstrap.DEFAULT_TENANT, "*", "tool", "legacy_creds_srv"));
		String clientKey = String.valueOf(RestClient.map(api.post("/api/keys", Map.of("role", "client"))).get("key"));

		CallToolResult invoked = call(client(clientKey), "tool_invoke",
				Map.of("name", "legacy_creds", "arguments", Map.of()));
		CallToolResult resynced = call(admin, "tool_resync", Map.of("name", "legacy_creds_srv"));
		String listed = api.get("/api/tools").body();
		String resource = admin.readResource(new McpSchema.ReadResourceRequest("ruche://tools/legacy_creds"))
			.contents()
			.toString();
		await("the listener's refusal",
				() -> output.getAll().contains("Not listening to the MCP server legacy_creds_srv"));

		assertThat(structured(invoked)).containsEntry("status", "rejected").containsEntry("reason", "egress_refused");
		assertThat(text(invoked)).doesNotContain(PASSWORD).doesNotContain("bob");
		assertThat(text(resynced)).contains("egress_refused").doesNotContain(PASSWORD);
		assertThat(listed).contains("http://127.0.0.1:" + internal.port() + "/mcp").doesNotContain(PASSWORD);
		assertThat(resource).doesNotContain(PASSWORD);
		assertThat(output.getAll()).doesNotContain(PASSWORD);
		assertThat(internal.connections()).isZero();
	}

	private void save(ToolDefinition tool) {
		this.catalog.save(tool, this.embeddings.embed(tool.name() + ": " + tool.description()));
	}

	private static ToolDefinition server(String name, String target) {
		return new ToolDefinition(TenantBootstrap.DEFAULT_TENANT, name, "An MCP server registered before the check",
				Map.of("type", "object"), null, ToolKind.MCP, target,
				new ExecutionPolicy(5_000, SideEffect.IDEMPOTENT, false), Map.of(), Map.of(), null, 0, Instant.now());
	}

	private static Map<String, Object> mcpTool(String name, String target) {
		return Map.of("name", name, "description", "An upstream MCP server", "kind", "mcp", "target", target,
				"side_effect", "idempotent");
	}

	private McpSyncClient client(String key) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + this.port)
			.endpoint("/mcp")
			.addHttpRequestCustomizer(
					(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + key))
			.build();
		McpSyncClient client = McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("egress-security-it", "1.0").build())
			.requestTimeout(Duration.ofSeconds(30))
			.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> structured(CallToolResult result) {
		assertThat(result.structuredContent()).as(text(result)).isInstanceOf(Map.class);
		return (Map<String, Object>) result.structuredContent();
	}

	private static String text(CallToolResult result) {
		return (result.content() == null) ? "" : result.content().toString();
	}

	private static int occurrences(CapturedOutput output, String line) {
		return output.getAll().split(Pattern.quote(line), -1).length - 1;
	}

	private static void await(String what, Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Boolean.TRUE.equals(condition.get())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
	}

}
