package io.ruche.server.toolbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Toolbox tools over MCP against HTTP tools served by a JDK HTTP server in the test.
 */
class ToolboxToolsIT extends ToolboxItSupport {

	private static HttpServer tools;

	private static final Map<String, AtomicInteger> HITS = Map.of("weather", new AtomicInteger(), "hang",
			new AtomicInteger(), "charge", new AtomicInteger(), "strict", new AtomicInteger(), "ping",
			new AtomicInteger(), "transfer", new AtomicInteger());

	@BeforeAll
	static void startToolServer() throws IOException {
		tools = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		tools.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		tools.createContext("/weather", (exchange) -> {
			String body = read(exchange);
			HITS.get("weather").incrementAndGet();
			String city = body.replaceAll(".*\"city\"\\s*:\\s*\"([^\"]*)\".*", "$1");
			respond(exchange, "{\"forecast\":\"sunny\",\"city\":\"" + city + "\",\"celsius\":21}");
		});
		tools.createContext("/hang", (exchange) -> {
			read(exchange);
			HITS.get("hang").incrementAndGet();
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, "{\"late\":true}");
		});
		for (String name : List.of("charge", "strict", "ping", "transfer")) {
			tools.createContext("/" + name, (exchange) -> {
				read(exchange);
				int count = HITS.get(name).incrementAndGet();
				respond(exchange, "{\"count\":" + count + "}");
			});
		}
		tools.createContext("/secure", (exchange) -> {
			read(exchange);
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			respond(exchange, "{\"authorized\":" + "Bearer s3cr3t-value".equals(auth) + "}");
		});
		tools.start();
	}

	@AfterAll
	static void stopToolServer() {
		tools.stop(0);
	}

	private static String read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void respond(HttpExchange exchange, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + tools.getAddress().getPort() + path;
	}

	private static Map<String, Object> httpTool(String name, String description, String path, String sideEffect,
			Map<String, Object> inputSchema) {
		return Map.of("name", name, "description", description, "kind", "http", "target", url(path), "side_effect",
				sideEffect, "input_schema", inputSchema, "timeout_ms", 2_000);
	}

	private static Map<String, Object> citySchema() {
		return Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
				List.of("city"), "additionalProperties", false);
	}

	private static Map<String, Object> emptySchema() {
		return Map.of("type", "object", "properties", Map.of());
	}

	@Test
	void registeredHttpToolIsFoundByNeedAndInvoked() {
		McpSyncClient client = client();
		createAgent(client, "forecaster");
		register(client,
				httpTool("weather_forecast",
						"Gives the weather forecast for a city: temperature, rain and wind for the coming days.",
						"/weather", "pure", citySchema()));
		register(client, httpTool("invoice_charge", "Charges a customer's credit card for an invoice amount.",
				"/charge", "irreversible", emptySchema()));

		Map<String, Object> found = ok(call(client, "tools_search",
				Map.of("query", "will it rain tomorrow in Paris?", "limit", 5, "agent", "forecaster")));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> hits = (List<Map<String, Object>>) found.get("hits");
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0)).containsEntry("name", "weather_forecast").containsEntry("enabled", false);
		assertThat(hits.get(0)).containsKeys("description", "score", "input_schema", "explanation");

		Map<String, Object> result = ok(
				call(client, "tool_invoke", Map.of("name", "weather_forecast", "arguments", Map.of("city", "Paris"))));
		assertThat(result).containsEntry("status", "ok").containsKey("duration_ms");
		assertThat(result.get("output")).isEqualTo(Map.of("forecast", "sunny", "city", "Paris", "celsius", 21));

		McpSchema.ReadResourceResult resource = client
			.readResource(McpSchema.ReadResourceRequest.builder("ruche://tools/weather_forecast").build());
		String json = ((McpSchema.TextResourceContents) resource.contents().get(0)).text();
		assertThat(json).contains("\"name\":\"weather_forecast\"").contains("\"kind\":\"http\"");
	}

	@Test
	void secretHeadersAreSentButNeverShown() {
		McpSyncClient client = client();
		Map<String, Object> tool = new java.util.HashMap<>(httpTool("secure_status",
				"Reads the status of a protected service.", "/secure", "pure", emptySchema()));
		tool.put("secret_headers", Map.of("Authorization", "Bearer s3cr3t-value"));
		Map<String, Object> registered = register(client, tool);
		assertThat(registered.toString()).doesNotContain("s3cr3t").contains("Authorization");

		Map<String, Object> result = ok(
				call(client, "tool_invoke", Map.of("name", "secure_status", "arguments", Map.of())));
		assertThat(result.get("output")).isEqualTo(Map.of("authorized", true));

		McpSchema.ReadResourceResult resource = client
			.readResource(McpSchema.ReadResourceRequest.builder("ruche://tools/secure_status").build());
		String json = ((McpSchema.TextResourceContents) resource.contents().get(0)).text();
		assertThat(json).contains("Authorization").doesNotContain("s3cr3t");
	}

	@Test
	void invalidArgumentsAreRefusedBeforeTheToolServerIsCalled() {
		McpSyncClient client = client();
		register(client, httpTool("strict_lookup", "Looks a city up in a gazetteer.", "/strict", "pure", citySchema()));
		int before = HITS.get("strict").get();

		CallToolResult result = call(client, "tool_invoke",
				Map.of("name", "strict_lookup", "arguments", Map.of("town", 42)));

		assertThat(result.isError()).isTrue();
		Map<String, Object> structured = structured(result);
		assertThat(structured).containsEntry("status", "rejected");
		assertThat((String) structured.get("message")).contains("invalid arguments");
		assertThat(structured).containsEntry("reason", "invalid_arguments");
		assertThat(HITS.get("strict").get()).isEqualTo(before);
	}

	@Test
	void hangingToolTimesOut() {
		McpSyncClient client = client();
		Map<String, Object> tool = new java.util.HashMap<>(
				httpTool("slow_report", "Builds a slow report.", "/hang", "pure", emptySchema()));
		tool.put("timeout_ms", 500);
		register(client, tool);

		CallToolResult result = call(client, "tool_invoke", Map.of("name", "slow_report", "arguments", Map.of()));

		assertThat(result.isError()).isTrue();
		assertThat(structured(result)).containsEntry("status", "timeout");
		assertThat(((Number) structured(result).get("duration_ms")).longValue()).isLessThan(5_000);
	}

	@Test
	void callsBeyondTheToolRateAreRateLimited() {
		McpSyncClient client = client();
		register(client, httpTool("ping_service", "Pings a service.", "/ping", "pure", emptySchema()));

		for (int i = 0; i < TOOL_CALLS_PER_MINUTE; i++) {
			assertThat(invoke(client, Map.of("name", "ping_service", "arguments", Map.of()))).containsEntry("status",
					"ok");
		}
		CallToolResult limited = call(client, "tool_invoke", Map.of("name", "ping_service", "arguments", Map.of()));

		assertThat(limited.isError()).isTrue();
		assertThat(structured(limited)).containsEntry("status", "rate_limited");
		assertThat(HITS.get("ping").get()).isEqualTo(TOOL_CALLS_PER_MINUTE);
	}

	@Test
	void irreversibleToolRunsOncePerIdempotencyKey() {
		McpSyncClient client = client();
		register(client, httpTool("payment_transfer", "Transfers money between two accounts.", "/transfer",
				"irreversible", emptySchema()));
		Map<String, Object> call = Map.of("name", "payment_transfer", "arguments", Map.of(), "idempotency_key",
				"transfer-2026-0001");

		Map<String, Object> first = invoke(client, call);
		Map<String, Object> second = invoke(client, call);

		assertThat(first).containsEntry("status", "ok");
		assertThat(second).containsEntry("status", "ok").containsEntry("output", first.get("output"));
		assertThat(HITS.get("transfer").get()).isEqualTo(1);
	}

	@Test
	void pinnedSessionSeesEnabledToolAndIsToldOfTheChange() {
		McpSyncClient admin = client();
		createAgent(admin, "pinned-weather");
		register(admin, httpTool("city_weather", "Current weather of a city.", "/weather", "pure", citySchema()));
		List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
		McpSyncClient pinned = client("/mcp?agent=pinned-weather", (spec) -> spec.toolsChangeConsumer(changes::add));
		assertThat(names(pinned.listTools().tools())).doesNotContain("city_weather").contains("tool_invoke");

		ok(call(admin, "tool_enable", Map.of("agent", "pinned-weather", "name", "city_weather")));

		await("tools/list_changed with city_weather",
				() -> changes.stream().anyMatch((tools) -> names(tools).contains("city_weather")));
		assertThat(names(pinned.listTools().tools())).contains("city_weather", "tool_invoke");
		CallToolResult direct = call(pinned, "city_weather", Map.of("city", "Lyon"));
		assertThat(ok(direct)).containsEntry("status", "ok");
		assertThat(structured(direct).get("output"))
			.isEqualTo(Map.of("forecast", "sunny", "city", "Lyon", "celsius", 21));

		register(admin,
				httpTool("city_weather", "Current weather and humidity of a city.", "/weather", "pure", citySchema()));
		await("the re-registered description",
				() -> pinned.listTools()
					.tools()
					.stream()
					.anyMatch((t) -> t.name().equals("city_weather") && t.description().contains("humidity")));

		ok(call(admin, "tool_enable", Map.of("agent", "pinned-weather", "name", "city_weather", "enabled", false)));
		await("city_weather removed", () -> !names(pinned.listTools().tools()).contains("city_weather"));
	}

	@Test
	void toolRequiringConfirmationAsksThroughElicitation() {
		McpSyncClient admin = client();
		Map<String, Object> tool = new java.util.HashMap<>(httpTool("confirmed_charge",
				"Charges a card after the person agrees.", "/charge", "idempotent", emptySchema()));
		tool.put("requires_confirmation", true);
		register(admin, tool);

		CallToolResult refused = call(admin, "tool_invoke", Map.of("name", "confirmed_charge", "arguments", Map.of()));
		assertThat(refused.isError()).isTrue();
		assertThat(structured(refused)).containsEntry("status", "rejected")
			.containsEntry("reason", "confirmation_refused");
		assertThat((String) structured(refused).get("message")).contains("elicitation");

		List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
		McpSyncClient asking = client("/mcp", (spec) -> spec.elicitation((request) -> {
			asked.add(request);
			return ElicitResult.builder(ElicitResult.Action.ACCEPT).content(Map.of("confirm", true)).build();
		}));
		Map<String, Object> confirmed = ok(
				call(asking, "tool_invoke", Map.of("name", "confirmed_charge", "arguments", Map.of())));
		assertThat(confirmed).containsEntry("status", "ok");
		assertThat(asked).hasSize(1);
		assertThat(asked.get(0).message()).contains("confirmed_charge");
	}

	private static List<String> names(List<McpSchema.Tool> tools) {
		return tools.stream().map(McpSchema.Tool::name).toList();
	}

}
