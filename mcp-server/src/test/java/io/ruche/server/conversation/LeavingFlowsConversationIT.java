package io.ruche.server.conversation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.list;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.moves;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop-support agent with a returns flow and a delivery flow, no model: customers who
 * change their mind. One leaves a return for a delivery question and comes back to it
 * (the order number kept); another cancels the return. The delivery flow asks the parcel
 * service, a real HTTP service on loopback. Each test is a conversation, turn by turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeavingFlowsConversationIT {

	static final String FALLBACK = "Sorry, I can only help with returns and deliveries.";

	static HttpServer parcels;

	@LocalServerPort
	int port;

	McpSyncClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
	}

	// The parcel service: every parcel arrives tomorrow.
	@BeforeAll
	static void startParcelService() throws IOException {
		parcels = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		parcels.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		parcels.createContext("/parcels", LeavingFlowsConversationIT::track);
		parcels.start();
	}

	@AfterAll
	static void stopParcelService() {
		parcels.stop(0);
	}

	@BeforeEach
	void connect() {
		this.client = ConversationSupport.client(this.port);
	}

	@AfterEach
	void disconnect() {
		this.client.closeGracefully();
	}

	@Test
	void aCustomerAsksAboutADeliveryInTheMiddleOfAReturnAndComesBackToIt() {
		shopAgent("shop-switch");

		Map<String, Object> first = say(null, "shop-switch", "I want to return something I bought");
		assertThat(first.get("response")).isEqualTo("Sure. What is your 5-digit order number?");
		String session = (String) first.get("session");

		Map<String, Object> second = say(session, null, "It's order 40213");
		assertThat(second.get("response")).isEqualTo("Why are you returning order 40213?");
		assertThat(map(second, "scenario")).containsEntry("name", "returns").containsEntry("step", "ask-reason");

		// A delivery question: the delivery flow fits it far better than anything the
		// return offers, so the session switches, and the order number is already known.
		Map<String, Object> third = say(session, null, "Actually, where is my parcel? It still has not arrived");
		assertThat(third.get("response")).isEqualTo("Your parcel for order 40213 arrives tomorrow.");
		assertThat(map(third, "scenario")).containsEntry("name", "delivery").containsEntry("step", "track");
		assertThat(moves(this.client, third)).first().satisfies((move) -> {
			assertThat(move).containsEntry("move", "SWITCH").containsEntry("to", "ask-order");
			assertThat(map(move, "scenario")).containsEntry("name", "delivery");
			assertThat(map(map(move, "left"), "scenario")).containsEntry("name", "returns");
			assertThat(map(move, "left")).containsEntry("step", "ask-reason");
		});
		assertThat(list(session(session), "abandoned_scenarios")).singleElement()
			.satisfies((left) -> assertThat(left).containsEntry("name", "returns")
				.containsEntry("step", "ask-reason")
				.containsEntry("reason", "switch")
				.containsEntry("fields", Map.of("order_number", "40213")));

		// Back to the return: resumed at the step it was left at, with its order number.
		Map<String, Object> fourth = say(session, null, "Thanks. Can we continue with returning the item?");
		assertThat(fourth.get("response")).isEqualTo("Why are you returning order 40213?");
		assertThat(map(fourth, "scenario")).containsEntry("name", "returns").containsEntry("step", "ask-reason");
		assertThat(moves(this.client, fourth)).extracting((move) -> move.get("move"))
			.containsSubsequence("EXIT", "RESUME");
		assertThat(list(session(session), "abandoned_scenarios")).isEmpty();

		Map<String, Object> fifth = say(session, null, "It arrived broken");
		assertThat(fifth.get("response")).isEqualTo("Here is the return label for order 40213.");
		assertThat(map(fifth, "scenario")).containsEntry("step", "label");
	}

	@Test
	void aCustomerWhoCancelsLeavesTheReturn() {
		shopAgent("shop-cancel");
		String session = (String) say(null, "shop-cancel", "I want to return something I bought").get("session");

		Map<String, Object> cancelled = say(session, null, "forget it, I don't want to return it");

		assertThat(cancelled).containsEntry("mode", "fallback").containsEntry("response", FALLBACK);
		assertThat(cancelled.get("scenario")).isNull();
		assertThat(moves(this.client, cancelled)).first().satisfies((move) -> {
			assertThat(move).containsEntry("move", "EXIT").containsEntry("from", "ask-order");
			assertThat((String) move.get("reason")).startsWith("message cancels the request at");
		});
		assertThat(list(session(session), "abandoned_scenarios")).singleElement()
			.satisfies((left) -> assertThat(left).containsEntry("name", "returns").containsEntry("reason", "cancel"));
	}

	private void shopAgent(String name) {
		agent(this.client, name, Map.of("fallback_text", FALLBACK));
		ok(call(this.client, "tool_register",
				Map.of("tool", Map.of("name", "parcel_status", "description", "Where a parcel is, by order number.",
						"kind", "http", "target", "http://127.0.0.1:" + parcels.getAddress().getPort() + "/parcels",
						"side_effect", "pure", "input_schema", Map.of("type", "object", "properties",
								Map.of("order_number", Map.of("type", "string")), "required", List.of("order_number")),
						"timeout_ms", 2_000))));
		ok(call(this.client, "tool_enable", Map.of("agent", name, "name", "parcel_status")));
		ok(call(this.client, "scenario_upsert", Map.of("agent", name, "scenario", returns())));
		ok(call(this.client, "scenario_upsert", Map.of("agent", name, "scenario", delivery())));
	}

	private static Map<String, Object> returns() {
		return Map.of("name", "returns", "entry_condition", "The customer wants to return an item they bought",
				"exit_conditions", List.of("The customer decides to keep the item after all"), "steps",
				List.of(askOrder("Sure. What is your 5-digit order number?", "ask-reason"),
						step("ask-reason", "Ask why the customer returns the item",
								List.of(Map.of("name", "reason", "description", "why", "pattern",
										"(?i)(damaged|broken|too small|too big)")),
								List.of(Map.of("to", "label", "condition", "has(variables.reason)")),
								"Why are you returning order {{order_number}}?"),
						terminal("label", "Send the return label",
								"Here is the return label for order {{order_number}}.", List.of())));
	}

	private static Map<String, Object> delivery() {
		return Map.of("name", "delivery", "entry_condition",
				"The customer asks where their parcel is or when their delivery will arrive", "steps",
				List.of(askOrder("Which order is it? Its 5-digit number, please.", "track"),
						terminal("track", "Tell the customer where the parcel is",
								"Your parcel for order {{order_number}} arrives {{tools.parcel_status.eta}}.",
								List.of("parcel_status"))));
	}

	private static Map<String, Object> askOrder(String template, String next) {
		return step("ask-order", "Ask for the order number",
				List.of(Map.of("name", "order_number", "description", "5 digits", "pattern", "(\\d{5})")),
				List.of(Map.of("to", next, "condition", "has(variables.order_number)")), template);
	}

	private static Map<String, Object> step(String id, String instructions, List<Map<String, Object>> collects,
			List<Map<String, Object>> transitions, String template) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("id", id);
		step.put("instructions", instructions);
		step.put("collects", collects);
		step.put("transitions", transitions);
		step.put("template", Map.of("text", template));
		return step;
	}

	private static Map<String, Object> terminal(String id, String instructions, String template, List<String> tools) {
		return Map.of("id", id, "instructions", instructions, "terminal", true, "tools", tools, "template",
				Map.of("text", template));
	}

	private Map<String, Object> say(String session, String agent, String message) {
		Map<String, Object> arguments = (session != null) ? Map.of("session", session, "message", message)
				: Map.of("agent", agent, "message", message);
		return ok(call(this.client, "converse", arguments));
	}

	private Map<String, Object> session(String session) {
		return ok(call(this.client, "session_get", Map.of("session", session)));
	}

	private static void track(HttpExchange exchange) throws IOException {
		byte[] status = "{\"eta\":\"tomorrow\"}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, status.length);
		try (exchange) {
			exchange.getResponseBody().write(status);
		}
	}

}
