package io.ruche.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the real MCP endpoint over HTTP with the MCP Java SDK client, as a builder
 * would: configure an agent, read it back as resources, export and re-import it, and be
 * refused clearly on every invalid input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpServerIT {

	static final String ADMIN_KEY = "it-admin-key";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(McpSyncClient::closeGracefully);
	}

	@Test
	void refusesRequestsWithoutAValidKey() throws Exception {
		HttpResponse<String> missing = post("/mcp", null, "{}");
		HttpResponse<String> unknown = post("/mcp", "not-a-key", "{}");

		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
		assertThat(unknown.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAForeignHostHeader() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp"))
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.header("Origin", "http://evil.example.com")
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(initializeBody()))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void answersACallInOneMessageThatCarriesItsLength() throws Exception {
		HttpResponse<String> initialized = post("/mcp", ADMIN_KEY, null, initializeBody());
		String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
		post("/mcp", ADMIN_KEY, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

		HttpResponse<String> answer = post("/mcp", ADMIN_KEY, session,
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"agents_list\","
						+ "\"arguments\":{}}}");

		// the answer, the last event of its stream, leaves with the end of the stream
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
		assertThat(answer.headers().firstValueAsLong("Content-Length"))
			.hasValue((long) answer.body().getBytes(StandardCharsets.UTF_8).length);
		assertThat(answer.body()).contains("data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":");
	}

	@Test
	void buildsAnAgentReadsItBackAndRoundTripsItsExport() {
		McpSyncClient client = client(ADMIN_KEY, "");

		call(client, "agent_upsert", Map.of("name", "shop", "persona", "You are the shop assistant."));
		Map<String, Object> rule = structured(call(client, "rule_upsert",
				Map.of("agent", "shop", "rule",
						Map.of("name", "refund delay", "condition", "The customer asks about a refund", "action",
								"Quote the 5-day delay", "constraints",
								List.of("!response.contains(\"guarantee\")")))));
		call(client, "scenario_upsert", Map.of("agent", "shop", "scenario", returnScenario("return")));
		String ruleId = (String) ((Map<?, ?>) rule.get("rule")).get("id");
		String ruleJson = readText(client, "ruche://agents/shop/rules/" + ruleId);
		String scenarioJson = readText(client, "ruche://agents/shop/scenarios/return");
		String document = (String) structured(call(client, "agent_export", Map.of("agent", "shop"))).get("document");
		String copy = document.replace("name: \"shop\"", "name: \"shop-copy\"");
		call(client, "agent_import", Map.of("document", copy));
		String copied = (String) structured(call(client, "agent_export", Map.of("agent", "shop-copy"))).get("document");

		assertThat(ruleJson).contains("\"name\":\"refund delay\"").contains("guarantee");
		assertThat(scenarioJson).contains("\"entry_step\":\"ask_order\"");
		assertThat(document).contains("refund delay").contains("ask_order").contains("order_number");
		assertThat(copied.replace("shop-copy", "shop")).isEqualTo(document);
		assertThat(client.listResourceTemplates().resourceTemplates())
			.extracting(McpSchema.ResourceTemplate::uriTemplate)
			.contains("ruche://agents/{agent}", "ruche://agents/{agent}/rules/{rule}",
					"ruche://agents/{agent}/scenarios/{scenario}");
	}

	@Test
	void refusesInvalidInputWithMessagesAPersonCanActOn() {
		McpSyncClient client = client(ADMIN_KEY, "");
		call(client, "agent_upsert", Map.of("name", "strict"));
		call(client, "rule_upsert", Map.of("agent", "strict", "rule",
				Map.of("name", "greeting", "condition", "The customer says hello", "action", "Greet back")));

		String badCel = error(client, "rule_upsert", Map.of("agent", "strict", "rule",
				Map.of("name", "cel", "condition", "x", "action", "y", "constraints", List.of("size(response) <="))));
		String duplicate = error(client, "rule_upsert",
				Map.of("agent", "strict", "rule", Map.of("name", "greeting", "condition", "x", "action", "y")));
		Map<String, Object> badScenario = returnScenario("broken");
		badScenario.put("steps",
				List.of(Map.of("id", "start", "transitions", List.of(Map.of("to", "nowhere", "condition", "true")))));
		String unknownStep = error(client, "scenario_upsert", Map.of("agent", "strict", "scenario", badScenario));
		String unknownAgent = error(client, "rules_search", Map.of("agent", "ghost"));
		String badImport = error(client, "agent_import", Map.of("document", "agent: [unclosed"));
		String staleVersion = error(client, "agent_upsert", Map.of("name", "strict", "version", 42));
		String wrongAgentType = error(client, "rules_search", Map.of("agent", 42));
		String wrongLimitType = error(client, "rules_search", Map.of("agent", "strict", "limit", "ten"));

		assertThat(badCel).contains("invalid constraint").contains("size(response) <=");
		assertThat(duplicate).contains("already exists").contains("pass its id");
		assertThat(unknownStep).contains("unknown step 'nowhere'");
		assertThat(unknownAgent).contains("Unknown agent 'ghost'");
		assertThat(badImport).contains("not valid YAML");
		assertThat(staleVersion).contains("Conflict").contains("version 1");
		assertThat(wrongAgentType).contains("input validation failed").contains("agent").contains("string");
		assertThat(wrongLimitType).contains("input validation failed").contains("limit").contains("integer");
	}

	@Test
	void refusesATooLowRoleNamingTheMissingRole() throws Exception {
		HttpResponse<String> created = post("/api/keys", ADMIN_KEY, "{\"role\":\"viewer\"}");
		String viewerKey = (String) JSON.readValue(created.body(), Map.class).get("key");
		McpSyncClient viewer = client(viewerKey, "");

		String refusal = error(viewer, "agent_upsert", Map.of("name", "nope"));
		CallToolResult listing = viewer.callTool(CallToolRequest.builder("agents_list").arguments(Map.of()).build());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(refusal).contains("'builder' role");
		assertThat(listing.isError()).isFalse();
	}

	@Test
	void isolatesTenants() throws Exception {
		call(client(ADMIN_KEY, ""), "agent_upsert", Map.of("name", "private-agent"));
		HttpResponse<String> created = post("/api/tenants", ADMIN_KEY, "{\"name\":\"acme\"}");
		String acmeKey = (String) JSON.readValue(created.body(), Map.class).get("admin_key");
		HttpResponse<String> refusedTenant = post("/api/tenants", acmeKey, "{\"name\":\"other\"}");

		Map<String, Object> acmeAgents = structured(call(client(acmeKey, ""), "agents_list", Map.of()));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(refusedTenant.statusCode()).isEqualTo(403);
		assertThat(refusedTenant.body()).contains("bootstrap tenant");
		assertThat((List<?>) acmeAgents.get("agents")).isEmpty();
	}

	@Test
	void notifiesSubscribersWhenAnAgentChanges() {
		McpSyncClient builder = client(ADMIN_KEY, "");
		call(builder, "agent_upsert", Map.of("name", "watched"));
		List<Object> listChanges = new CopyOnWriteArrayList<>();
		List<Object> updates = new CopyOnWriteArrayList<>();
		McpSyncClient watcher = watchingClient(listChanges, updates);
		watcher.subscribeResource(new McpSchema.SubscribeRequest("ruche://agents/watched"));

		call(builder, "rule_upsert", Map.of("agent", "watched", "rule",
				Map.of("name", "r1", "condition", "The customer is angry", "action", "Apologise")));

		await().atMost(Duration.ofSeconds(10)).until(() -> !listChanges.isEmpty() && !updates.isEmpty());
	}

	@Test
	void pinsASessionToAnAgent() {
		call(client(ADMIN_KEY, ""), "agent_upsert", Map.of("name", "pinned"));
		McpSyncClient pinned = client(ADMIN_KEY, "?agent=pinned");

		Map<String, Object> rules = structured(call(pinned, "rules_search", Map.of()));

		assertThat((List<?>) rules.get("rules")).isEmpty();
		assertThat(rules).containsEntry("next_cursor", null);
	}

	private McpSyncClient watchingClient(List<Object> listChanges, List<Object> updates) {
		McpSyncClient client = McpClient.sync(transport(ADMIN_KEY, ""))
			.requestTimeout(Duration.ofSeconds(20))
			.resourcesChangeConsumer(listChanges::add)
			.resourcesUpdateConsumer(updates::add)
			.build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	private McpSyncClient client(String key, String query) {
		McpSyncClient client = McpClient.sync(transport(key, query)).requestTimeout(Duration.ofSeconds(20)).build();
		client.initialize();
		this.clients.add(client);
		return client;
	}

	private HttpClientStreamableHttpTransport transport(String key, String query) {
		return HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port)
			.endpoint("/mcp" + query)
			.addHttpRequestCustomizer(
					(builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + key))
			.build();
	}

	private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
		assertThat(result.isError()).as("%s failed: %s", tool, text(result)).isFalse();
		return result;
	}

	private static String error(McpSyncClient client, String tool, Map<String, Object> arguments) {
		CallToolResult result = client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
		assertThat(result.isError()).as("%s should fail", tool).isTrue();
		return text(result);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> structured(CallToolResult result) {
		return (Map<String, Object>) result.structuredContent();
	}

	private static String text(CallToolResult result) {
		return result.content().stream().map((c) -> ((TextContent) c).text()).reduce("", String::concat);
	}

	private static String readText(McpSyncClient client, String uri) {
		return ((TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri)).contents().get(0))
			.text();
	}

	private static Map<String, Object> returnScenario(String name) {
		return new java.util.HashMap<>(
				Map.of("name", name, "entry_condition", "The customer wants to return an item", "steps",
						List.of(Map.of("id", "ask_order", "instructions", "Ask the order number", "collects",
								List.of(Map.of("name", "order_number", "pattern", "([0-9]{6})")), "transitions",
								List.of(Map.of("to", "done", "condition", "has(variables.order_number)"))),
								Map.of("id", "done", "instructions", "Confirm the return", "terminal", true))));
	}

	private HttpResponse<String> post(String path, String key, String body) throws Exception {
		return post(path, key, null, body);
	}

	private HttpResponse<String> post(String path, String key, String session, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (session != null) {
			request.header("Mcp-Session-Id", session);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String initializeBody() {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
				+ "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
	}

}
