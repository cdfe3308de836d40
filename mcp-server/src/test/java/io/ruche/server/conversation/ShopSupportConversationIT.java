package io.ruche.server.conversation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
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
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.rule;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop-support agent with no model and a client without sampling: every turn is
 * answered from step templates, rule templates and the fallback text, and the order
 * lookup tool (a real HTTP service on loopback) feeds the reply of the turn that runs it.
 * Each test is a conversation, turn by turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopSupportConversationIT {

	static final String FALLBACK = "Let me ask a colleague and come back to you.";

	static final AtomicInteger LOOKUPS = new AtomicInteger();

	static HttpServer orders;

	@LocalServerPort
	int port;

	McpSyncClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
	}

	// The shop's order service: answers any order number with a delivered kettle.
	@BeforeAll
	static void startOrderService() throws IOException {
		orders = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		orders.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		orders.createContext("/orders", ShopSupportConversationIT::lookUp);
		orders.start();
	}

	@AfterAll
	static void stopOrderService() {
		orders.stop(0);
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
	void returnsFlowAnswersFromStepTemplatesWithTheLookupInTheSameTurn() {
		shopAgent("shop", Map.of("fallback_text", FALLBACK), true);
		int lookupsBefore = LOOKUPS.get();

		// Turn 1 enters the returns flow; the lookup needs the order number, so it waits.
		Map<String, Object> first = say(null, "shop", "I want to return something I bought");
		assertThat(first.get("mode")).isEqualTo("template");
		assertThat(first.get("response")).isEqualTo("Sure. What is your 5-digit order number?");
		assertThat(map(first, "scenario")).containsEntry("name", "returns").containsEntry("step", "ask-order");
		Map<String, Object> tools = phase(first, "tools");
		assertThat(list(map(tools, "decisions"), "runs")).singleElement()
			.satisfies((run) -> assertThat(run).containsEntry("tool", "order_lookup")
				.containsEntry("status", "missing_arguments")
				.containsEntry("missing_arguments", List.of("order_number")));
		assertThat(LOOKUPS.get()).isEqualTo(lookupsBefore);

		// Turn 2 gives the number: the step moves on, the lookup runs, and its output is
		// in
		// this very reply.
		String session = (String) first.get("session");
		Map<String, Object> second = say(session, null, "It's order 40213");
		assertThat(second.get("mode")).isEqualTo("template");
		assertThat(second.get("response"))
			.isEqualTo("Order 40213: your kettle was delivered, you have 12 days to return it (lookup: ok).");
		assertThat(map(second, "scenario")).containsEntry("step", "check");
		assertThat(LOOKUPS.get()).isEqualTo(lookupsBefore + 1);
		assertThat(map(phase(second, "generation"), "decisions")).containsEntry("source", "step template");
		// The trace tells the move as data, with the scenario's name beside its id.
		assertThat(list(map(phase(second, "scenario_navigation"), "decisions"), "moves")).first()
			.satisfies((move) -> assertThat(move).containsEntry("move", "ADVANCE")
				.containsEntry("from", "ask-order")
				.containsEntry("to", "check")
				.containsEntry("reason", "condition holds: has(variables.order_number)"))
			.satisfies((move) -> assertThat(map(move, "scenario")).containsEntry("name", "returns"));

		// Turn 3 is off the flow and matches no rule: the agent's fallback text.
		Map<String, Object> third = say(session, null, "Do you sell gift cards?");
		assertThat(third.get("mode")).isEqualTo("fallback");
		assertThat(third.get("response")).isEqualTo(FALLBACK);
		assertThat(map(phase(third, "generation"), "decisions")).containsEntry("source", "fallback text");

		Map<String, Object> stored = ok(call(this.client, "session_get", Map.of("session", session)));
		assertThat(list(stored, "turns")).extracting((turn) -> turn.get("mode"))
			.containsExactly("template", "template", "fallback");
		assertThat(map(stored, "variables")).containsEntry("order_number", "40213").containsEntry("state", "delivered");
	}

	@Test
	void aTurnNothingCanAnswerIsStillRecordedWithItsFieldsAndTrace() {
		shopAgent("shop-bare", Map.of(), false);
		// The opening hours still come from their exclusive template.
		String session = (String) say(null, "shop-bare", "When are you open?").get("session");
		// No step template, no fallback text: the clear error, and each turn kept.
		CallToolResult entering = call(this.client, "converse",
				Map.of("session", session, "message", "I want to return something I bought"));
		assertThat(entering.isError()).isTrue();
		CallToolResult failed = call(this.client, "converse", Map.of("session", session, "message", "order 40213"));
		assertThat(failed.isError()).isTrue();
		assertThat(text(failed)).contains("No model is available").contains(session);

		Map<String, Object> stored = ok(call(this.client, "session_get", Map.of("session", session)));
		assertThat(map(stored, "variables")).containsEntry("order_number", "40213");
		assertThat(list(stored, "turns")).extracting((turn) -> turn.get("mode"))
			.containsExactly("template", "error", "error");
		Map<String, Object> lastTurn = list(stored, "turns").get(2);
		assertThat(lastTurn).containsEntry("mode", "error").containsEntry("step", "check");
		Map<String, Object> trace = ok(call(this.client, "trace_get", Map.of("trace", lastTurn.get("trace"))));
		assertThat(list(trace, "phases")).extracting((phase) -> phase.get("name"))
			.contains("field_updates", "scenario_navigation", "generation", "persistence");
	}

	@Test
	void theHigherPriorityExclusiveTemplateWinsAndTheTraceNamesIt() {
		agent(this.client, "shop-priority", Map.of());
		rule(this.client, "shop-priority",
				Map.of("name", "returns-howto", "condition", "The customer asks how to return an item", "action",
						"Explain returns", "template",
						Map.of("text", "Bring it back to the shop with the receipt.", "mode", "exclusive")));
		rule(this.client, "shop-priority",
				Map.of("name", "returns-holiday", "condition", "The customer asks about returning an item", "action",
						"Explain the holiday returns policy", "priority", 10, "template",
						Map.of("text", "Until January 31st, every return is free.", "mode", "exclusive")));

		Map<String, Object> reply = say(null, "shop-priority", "How do I return an item?");

		// Both are kept; the how-to rule matches better, the holiday rule has the
		// priority.
		List<Map<String, Object>> kept = list(reply, "matched_rules");
		assertThat(kept).extracting((rule) -> rule.get("name")).containsExactly("returns-holiday", "returns-howto");
		assertThat((Double) kept.get(1).get("score")).isGreaterThan((Double) kept.get(0).get("score"));
		assertThat(reply.get("response")).isEqualTo("Until January 31st, every return is free.");
		assertThat(map(map(phase(reply, "generation"), "decisions"), "rule")).containsEntry("name", "returns-holiday")
			.containsEntry("priority", 10);
	}

	private void shopAgent(String name, Map<String, Object> settings, boolean stepTemplates) {
		agent(this.client, name, settings);
		ok(call(this.client, "tool_register",
				Map.of("tool", Map.of("name", "order_lookup", "description", "Looks an order up by its number.", "kind",
						"http", "target", "http://127.0.0.1:" + orders.getAddress().getPort() + "/orders",
						"side_effect", "pure", "input_schema", Map.of("type", "object", "properties",
								Map.of("order_number", Map.of("type", "string")), "required", List.of("order_number")),
						"timeout_ms", 2_000))));
		ok(call(this.client, "tool_enable", Map.of("agent", name, "name", "order_lookup")));
		rule(this.client, name,
				Map.of("name", "opening-hours", "condition", "The customer asks when the shop is open", "action",
						"Give the opening hours", "template",
						Map.of("text", "We are open Monday to Saturday, 9am to 6pm.", "mode", "exclusive")));
		ok(call(this.client, "scenario_upsert", Map.of("agent", name, "scenario", returnsScenario(stepTemplates))));
	}

	private static Map<String, Object> returnsScenario(boolean stepTemplates) {
		Map<String, Object> ask = new java.util.LinkedHashMap<>(Map.of("id", "ask-order", "name", "Ask the order",
				"instructions", "Ask for the order number", "collects",
				List.of(Map.of("name", "order_number", "description", "5 digits", "pattern", "(\\d{5})")),
				"transitions", List.of(Map.of("to", "check", "condition", "has(variables.order_number)")), "tools",
				List.of("order_lookup")));
		Map<String, Object> check = new java.util.LinkedHashMap<>(Map.of("id", "check", "name", "Check the order",
				"instructions", "Tell the customer how long they have to return the item", "terminal", true, "tools",
				List.of("order_lookup")));
		if (stepTemplates) {
			ask.put("template", Map.of("text", "Sure. What is your 5-digit order number?"));
			check.put("template", Map.of("text", "Order {{order_number}}: your {{tools.order_lookup.order.item}} was "
					+ "{{tools.order_lookup.state}}, you have {{ tools.order_lookup.order.days_left }} days to return "
					+ "it (lookup: {{tools.order_lookup.status}})."));
		}
		return Map.of("name", "returns", "entry_condition", "The customer wants to return an item they bought", "steps",
				List.of(ask, check));
	}

	private Map<String, Object> say(String session, String agent, String message) {
		Map<String, Object> arguments = (session != null) ? Map.of("session", session, "message", message)
				: Map.of("agent", agent, "message", message);
		return ok(call(this.client, "converse", arguments));
	}

	// The named phase of the turn's trace.
	private Map<String, Object> phase(Map<String, Object> reply, String name) {
		Map<String, Object> trace = ok(call(this.client, "trace_get", Map.of("trace", reply.get("trace"))));
		return list(trace, "phases").stream()
			.filter((phase) -> name.equals(phase.get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static void lookUp(HttpExchange exchange) throws IOException {
		LOOKUPS.incrementAndGet();
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String number = request.replaceAll(".*\"order_number\"\\s*:\\s*\"([^\"]*)\".*", "$1");
		byte[] order = ("{\"number\":\"" + number
				+ "\",\"state\":\"delivered\",\"order\":{\"item\":\"kettle\",\"days_left\":12}}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, order.length);
		try (exchange) {
			exchange.getResponseBody().write(order);
		}
	}

}
