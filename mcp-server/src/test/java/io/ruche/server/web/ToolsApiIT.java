package io.ruche.server.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The Toolbox and conversation over REST, over real HTTP: a tool served by a JDK HTTP
 * server on loopback is registered, enabled, invoked (with and without confirmation),
 * shows in the limits and failures; an agent whose rule has an exclusive template
 * converses, and its session and trace read as {@code session_get} and {@code trace_get}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolsApiIT {

	static final String ADMIN_KEY = "tools-api-it-admin-key";

	static final String HOURS = "We are open Monday to Friday from 9am to 6pm, and Saturday from 10am to 4pm.";

	static HttpServer toolServer;

	@LocalServerPort
	int port;

	RestClient api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-tools-api-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
	}

	@BeforeAll
	static void startToolServer() throws IOException {
		toolServer = startWeatherServer();
	}

	@AfterAll
	static void stopToolServer() {
		toolServer.stop(0);
	}

	/**
	 * A weather tool on loopback: {@code /weather} answers a forecast for the posted
	 * city, {@code /broken} always fails with 500.
	 * @return the started server
	 * @throws IOException if it cannot bind
	 */
	static HttpServer startWeatherServer() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/weather", (exchange) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> args = RestClient.JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
			Map<String, Object> answer = new LinkedHashMap<>(args);
			answer.put("forecast", "sunny");
			byte[] body = RestClient.JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/broken", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	static Map<String, Object> weatherTool(int port, String name, boolean confirm) {
		return Map
			.of("name", name, "description", "Weather forecast for a city", "kind", "http", "target",
					"http://127.0.0.1:" + port + "/weather", "side_effect", "pure", "timeout_ms", 5000,
					"requires_confirmation", confirm, "input_schema",
					Map.of("type", "object", "properties",
							Map.of("city", Map.of("type", "string"), "days",
									Map.of("type", "integer", "minimum", 1, "maximum", 7)),
							"required", List.of("city")));
	}

	@BeforeEach
	void client() {
		this.api = new RestClient(this.port, ADMIN_KEY);
	}

	@Test
	@SuppressWarnings("unchecked")
	void registersEnablesInvokesAndReportsFailures() {
		int toolPort = toolServer.getAddress().getPort();
		this.api.post("/api/agents", Map.of("name", "forecaster"));
		HttpResponse<String> registered = this.api.post("/api/tools", weatherTool(toolPort, "weather", false));
		HttpResponse<String> badSchema = this.api.post("/api/tools",
				Map.of("name", "bad", "description", "d", "kind", "http", "target", "http://127.0.0.1:1/x",
						"side_effect", "pure", "input_schema", Map.of("type", "nonsense")));
		this.api.post("/api/tools",
				Map.of("name", "broken", "description", "Always fails", "kind", "http", "target",
						"http://127.0.0.1:" + toolPort + "/broken", "side_effect", "pure", "input_schema",
						Map.of("type", "object")));

		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat(badSchema.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(badSchema).get("detail").toString()).contains("tool not registered");
		Map<String, Object> checked = RestClient
			.map(this.api.post("/api/tools/schema/check", Map.of("schema", Map.of("type", "nonsense"))));
		assertThat(checked).containsEntry("valid", false);
		assertThat((List<Object>) checked.get("problems")).isNotEmpty();
		assertThat(RestClient.map(this.api.post("/api/tools/schema/check", Map.of("schema", Map.of("type", "object")))))
			.containsEntry("valid", true);

		Map<String, Object> before = RestClient.map(this.api.get("/api/tools?agent=forecaster"));
		assertThat((List<Map<String, Object>>) before.get("items"))
			.anySatisfy((t) -> assertThat(t).containsEntry("name", "weather")
				.containsEntry("kind", "http")
				.containsEntry("side_effect", "pure")
				.containsEntry("enabled", false));
		HttpResponse<String> enabled = this.api.put("/api/agents/forecaster/tools/weather", Map.of("enabled", true),
				null);
		assertThat(enabled.statusCode()).isEqualTo(200);
		assertThat(RestClient.map(this.api.get("/api/agents/forecaster/tools")).get("items").toString())
			.contains("weather");
		assertThat(this.api.put("/api/agents/forecaster/tools/nothing", Map.of("enabled", true), null).statusCode())
			.isEqualTo(404);

		Map<String, Object> ok = RestClient.map(this.api.post("/api/tools/weather/invoke",
				Map.of("agent", "forecaster", "arguments", Map.of("city", "Lyon", "days", 2, "unit", "celsius"))));
		assertThat(ok).containsEntry("status", "ok").containsKey("duration_ms");
		assertThat((Map<String, Object>) ok.get("output")).containsEntry("forecast", "sunny")
			.containsEntry("city", "Lyon")
			.containsEntry("unit", "celsius");

		Map<String, Object> invalid = RestClient
			.map(this.api.post("/api/tools/weather/invoke", Map.of("arguments", Map.of("days", 9))));
		assertThat(invalid.get("status")).isNotEqualTo("ok");
		assertThat(invalid.get("message")).isNotNull();
		Map<String, Object> failed = RestClient
			.map(this.api.post("/api/tools/broken/invoke", Map.of("arguments", Map.of())));
		assertThat(failed).containsEntry("status", "error");

		Map<String, Object> failures = RestClient.map(this.api.get("/api/tools/failures"));
		assertThat((List<Map<String, Object>>) failures.get("items")).isNotEmpty()
			.allSatisfy((f) -> assertThat(f.get("outcome")).isNotEqualTo("ok"))
			.anySatisfy((f) -> assertThat(f).containsEntry("subject", "broken"));
		assertThat((List<Object>) RestClient.map(this.api.get("/api/tools/failures?tool=weather")).get("items"))
			.hasSize(1);

		Map<String, Object> limits = RestClient.map(this.api.get("/api/tools/limits"));
		assertThat(limits).containsEntry("timeout_cap_ms", 30000)
			.containsKeys("max_response_bytes", "tool_calls_per_minute", "daily_quota", "breaker");
		assertThat(this.api.get("/api/tools/weather").headers().firstValue("ETag")).isPresent();
		assertThat(this.api.post("/api/tools/nothing/invoke", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void aToolThatRequiresConfirmationRunsOnlyWhenConfirmed() {
		int toolPort = toolServer.getAddress().getPort();
		this.api.post("/api/tools", weatherTool(toolPort, "careful-weather", true));

		HttpResponse<String> unconfirmed = this.api.post("/api/tools/careful-weather/invoke",
				Map.of("arguments", Map.of("city", "Nantes")));
		HttpResponse<String> confirmed = this.api.post("/api/tools/careful-weather/invoke",
				Map.of("arguments", Map.of("city", "Nantes"), "confirmed", true));

		assertThat(unconfirmed.statusCode()).isEqualTo(409);
		assertThat(unconfirmed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(RestClient.map(unconfirmed).get("detail").toString()).contains("\"confirmed\": true");
		assertThat(RestClient.map(confirmed)).containsEntry("status", "ok");
	}

	@Test
	void rolesGuardTheToolbox() {
		String viewerKey = (String) RestClient.map(this.api.post("/api/keys", Map.of("role", "viewer"))).get("key");
		String clientKey = (String) RestClient.map(this.api.post("/api/keys", Map.of("role", "client"))).get("key");
		this.api.post("/api/tools", weatherTool(toolServer.getAddress().getPort(), "roles-weather", false));

		assertThat(this.api.as(viewerKey).get("/api/tools").statusCode()).isEqualTo(200);
		assertThat(this.api.as(viewerKey).get("/api/tools/limits").statusCode()).isEqualTo(200);
		assertThat(this.api.as(viewerKey)
			.post("/api/tools/roles-weather/invoke", Map.of("arguments", Map.of("city", "Paris")))
			.statusCode()).isEqualTo(403);
		assertThat(this.api.as(viewerKey).post("/api/converse", Map.of("agent", "x", "message", "hi")).statusCode())
			.isEqualTo(403);
		assertThat(this.api.as(clientKey)
			.post("/api/tools/roles-weather/invoke", Map.of("arguments", Map.of("city", "Paris")))
			.statusCode()).isEqualTo(200);
		assertThat(this.api.as(clientKey)
			.post("/api/tools", weatherTool(toolServer.getAddress().getPort(), "sneaky", false))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void anIdempotencyKeySentAgainReturnsTheStoredTurn() {
		this.api.post("/api/agents", Map.of("name", "keyed"));
		this.api.post("/api/agents/keyed/rules",
				Map.of("name", "opening-hours", "condition", "The customer asks about the shop's opening hours",
						"action", "Give the opening hours", "template", Map.of("text", HOURS, "mode", "exclusive")));
		String session = (String) RestClient
			.map(this.api.post("/api/converse", Map.of("agent", "keyed", "message", "What are your opening hours?")))
			.get("session");
		Map<String, Object> hours = Map.of("session", session, "message", "When are you open?");

		HttpResponse<String> first = converseWithKey("k-1", hours);
		HttpResponse<String> again = converseWithKey("k-1", hours);
		HttpResponse<String> otherMessage = converseWithKey("k-1", Map.of("session", session, "message", "Hi"));
		HttpResponse<String> malformed = converseWithKey("not a key", hours);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(RestClient.map(again)).isEqualTo(RestClient.map(first)).containsEntry("turn", 2);
		assertThat(otherMessage.statusCode()).isEqualTo(422);
		assertThat(RestClient.map(otherMessage).get("detail").toString()).contains("with a different message");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(this.api.get("/api/sessions/" + session)).get("turns")).asInstanceOf(LIST).hasSize(2);
	}

	@Test
	void aClosedSessionIsListedAsClosedAndRefusesTurns() {
		this.api.post("/api/agents", Map.of("name", "closing", "settings", Map.of("fallback_text", "One moment.")));
		String session = (String) RestClient
			.map(this.api.post("/api/converse", Map.of("agent", "closing", "message", "Hello")))
			.get("session");

		HttpResponse<String> closed = this.api.post("/api/sessions/" + session + "/close", Map.of());
		HttpResponse<String> refused = this.api.post("/api/converse", Map.of("session", session, "message", "Hi"));
		Map<String, Object> closedOnes = RestClient.map(this.api.get("/api/sessions?agent=closing&status=closed"));
		Map<String, Object> activeOnes = RestClient.map(this.api.get("/api/sessions?agent=closing&status=active"));

		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(RestClient.map(closed)).containsEntry("status", "closed");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(RestClient.map(refused).get("detail").toString()).contains("is closed");
		assertThat(closedOnes.get("items")).asInstanceOf(LIST)
			.singleElement()
			.satisfies((item) -> assertThat(item).asInstanceOf(MAP)
				.containsEntry("id", session)
				.containsEntry("status", "closed"));
		assertThat(activeOnes.get("items")).asInstanceOf(LIST).isEmpty();
		assertThat(this.api.get("/api/sessions?status=sleepy").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> converseWithKey(String key, Map<String, Object> body) {
		return this.api.send(this.api.builder("/api/converse")
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(RestClient.JSON.writeValueAsString(body))));
	}

	@Test
	@SuppressWarnings("unchecked")
	void conversesAndExplainsTheReply() {
		this.api.post("/api/agents", Map.of("name", "bikes"));
		this.api.post("/api/agents/bikes/rules",
				Map.of("name", "opening-hours", "condition", "The customer asks about the shop's opening hours",
						"action", "Give the opening hours", "template", Map.of("text", HOURS, "mode", "exclusive")));
		this.api.post("/api/agents/bikes/rules", Map.of("name", "repairs", "condition",
				"The customer wants a bike repaired", "action", "Offer a repair appointment"));

		HttpResponse<String> first = this.api.post("/api/converse",
				Map.of("agent", "bikes", "message", "What time do you open during the week?"));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		Map<String, Object> reply = RestClient.map(first);
		assertThat(reply).containsEntry("response", HOURS).containsEntry("mode", "template").containsEntry("turn", 1);
		assertThat((List<Map<String, Object>>) reply.get("matched_rules"))
			.anySatisfy((r) -> assertThat(r).containsEntry("name", "opening-hours"));
		assertThat((Map<String, Object>) reply.get("enforcement")).containsEntry("passed", true);

		String session = (String) reply.get("session");
		Map<String, Object> second = RestClient.map(this.api.post("/api/converse",
				Map.of("session", session, "message", "And on Saturday, when do you open?")));
		assertThat(second).containsEntry("session", session).containsEntry("turn", 2);

		HttpResponse<String> read = this.api.get("/api/sessions/" + session);
		Map<String, Object> body = RestClient.map(read);
		assertThat(read.headers().firstValue("ETag")).isPresent();
		assertThat(body)
			.containsKeys("id", "agent", "interlocutor", "channel", "status", "turns", "variables", "created_at",
					"updated_at")
			.containsEntry("channel", "api");
		assertThat((List<Map<String, Object>>) body.get("turns")).hasSize(2)
			.first()
			.satisfies((t) -> assertThat(t).containsEntry("trace", reply.get("trace"))
				.containsEntry("mode", "template")
				.containsKeys("matched_rules", "tool_calls", "at"));
		Map<String, Object> trace = RestClient.map(this.api.get("/api/traces/" + reply.get("trace")));
		assertThat(trace).containsEntry("session", session).containsEntry("turn", 1);
		assertThat((List<Map<String, Object>>) trace.get("phases")).extracting((p) -> p.get("name"))
			.contains("retrieval", "generation", "enforcement");
		Map<String, Object> listed = RestClient.map(this.api.get("/api/sessions?agent=bikes"));
		assertThat((List<Map<String, Object>>) listed.get("items")).singleElement()
			.satisfies((s) -> assertThat(s).containsEntry("id", session).containsEntry("turn_count", 2));
	}

	@Test
	void conversingFailsWithClearProblems() {
		this.api.post("/api/agents", Map.of("name", "bare"));

		HttpResponse<String> noModel = this.api.post("/api/converse",
				Map.of("agent", "bare", "message", "Hello, can you help me?"));
		HttpResponse<String> unknownAgent = this.api.post("/api/converse", Map.of("agent", "nobody", "message", "Hi"));
		HttpResponse<String> unknownSession = this.api.post("/api/converse",
				Map.of("session", "ses_missing", "message", "Hi"));
		HttpResponse<String> noAgent = this.api.post("/api/converse", Map.of("message", "Hi"));

		assertThat(noModel.statusCode()).isEqualTo(503);
		assertThat(RestClient.map(noModel).get("detail").toString()).contains("no template applies");
		// The turn was recorded: the problem says where to read it.
		String session = (String) RestClient.map(noModel).get("session");
		assertThat(session).startsWith("ses_");
		assertThat(RestClient.map(this.api.get("/api/traces/" + RestClient.map(noModel).get("trace"))))
			.containsEntry("session", session);
		assertThat(unknownAgent.statusCode()).isEqualTo(404);
		assertThat(unknownSession.statusCode()).isEqualTo(404);
		assertThat(noAgent.statusCode()).isEqualTo(400);
	}

}
