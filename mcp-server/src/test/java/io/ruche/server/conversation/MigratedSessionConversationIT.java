package io.ruche.server.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
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
 * A customer is in the middle of a delivery flow when the builder removes the step the
 * customer is at. The next turn migrates the session by the documented rule (back to the
 * nearest surviving step it came by, whose field is known, so the new flow moves on), the
 * trace says {@code MIGRATED} and why, the field the removed step collected is kept, and
 * the conversation finishes on the new flow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigratedSessionConversationIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
	}

	@Test
	void aSessionAtARemovedStepIsMigratedAndTheConversationGoesOn() {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, "deliveries", Map.of("fallback_text", "Sorry, I only arrange deliveries."));
		ok(call(client, "scenario_upsert", Map.of("agent", "deliveries", "scenario", delivery(true))));

		Map<String, Object> first = say(client, null, "I would like to arrange a delivery of my order");
		assertThat(first.get("response")).isEqualTo("Where should we deliver it?");
		String session = (String) first.get("session");
		Map<String, Object> second = say(client, session, "To 12 Rue Verte");
		assertThat(second.get("response")).isEqualTo("Which wrapping paper, and what should the gift note say?");
		// the wrapping is known, the gift note not yet: the session stays at gift
		// wrapping
		Map<String, Object> third = say(client, session, "Red wrapping paper please");
		assertThat(map(third, "scenario")).containsEntry("step", "gift-wrap");
		assertThat(third.get("response")).isEqualTo("Which wrapping paper, and what should the gift note say?");

		// the builder drops gift wrapping while the customer is at that step
		Map<String, Object> withoutGiftWrap = new LinkedHashMap<>(delivery(false));
		withoutGiftWrap.put("id", map(third, "scenario").get("id"));
		ok(call(client, "scenario_upsert", Map.of("agent", "deliveries", "scenario", withoutGiftWrap)));

		Map<String, Object> fourth = say(client, session, "So what now?");
		assertThat(fourth.get("response")).isEqualTo("Card or cash?");
		assertThat(map(fourth, "scenario")).containsEntry("step", "payment");
		List<Map<String, Object>> moves = moves(client, fourth);
		assertThat(moves).first().satisfies((move) -> {
			assertThat(move).containsEntry("move", "MIGRATED")
				.containsEntry("from", "gift-wrap")
				.containsEntry("to", "address");
			assertThat((String) move.get("reason")).contains("'gift-wrap' was removed", "the session came by");
		});
		assertThat(moves).extracting((move) -> move.get("to")).contains("payment");
		assertThat(map(ok(call(client, "session_get", Map.of("session", session))), "variables"))
			.containsEntry("address", "12 Rue Verte")
			.containsEntry("wrapping", "Red");

		Map<String, Object> fifth = say(client, session, "By card");
		assertThat(fifth.get("response")).isEqualTo("Done: we deliver to 12 Rue Verte, paid by card.");
		client.closeGracefully();
	}

	// The delivery flow, with or without its gift-wrapping step between the address and
	// the payment.
	private static Map<String, Object> delivery(boolean giftWrap) {
		String afterAddress = giftWrap ? "gift-wrap" : "payment";
		List<Map<String, Object>> steps = new ArrayList<>();
		steps.add(step("address", "Ask for the delivery address",
				Map.of("name", "address", "description", "street address", "pattern", "(\\d+ Rue \\w+)"), afterAddress,
				"Where should we deliver it?"));
		if (giftWrap) {
			Map<String, Object> wrap = step("gift-wrap", "Ask for the wrapping paper and the gift note",
					Map.of("name", "wrapping", "description", "paper colour", "pattern", "(?i)(red|blue|gold)"),
					"payment", "Which wrapping paper, and what should the gift note say?");
			wrap.put("collects", List.of(list(wrap, "collects").get(0),
					Map.of("name", "note", "description", "gift note", "pattern", "(?i)note: (.+)")));
			wrap.put("transitions",
					List.of(Map.of("to", "payment", "condition", "has(variables.wrapping) && has(variables.note)")));
			steps.add(wrap);
		}
		steps.add(step("payment", "Ask how the customer pays",
				Map.of("name", "pay", "description", "card or cash", "pattern", "(?i)(card|cash)"), "done",
				"Card or cash?"));
		steps.add(Map.of("id", "done", "instructions", "Confirm the delivery", "terminal", true, "template",
				Map.of("text", "Done: we deliver to {{address}}, paid by {{pay}}.")));
		return Map.of("name", "delivery", "entry_condition", "The customer wants to arrange a delivery of an order",
				"steps", steps);
	}

	private static Map<String, Object> step(String id, String instructions, Map<String, Object> field, String next,
			String template) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("id", id);
		step.put("instructions", instructions);
		step.put("collects", List.of(field));
		step.put("transitions", List.of(Map.of("to", next, "condition", "has(variables." + field.get("name") + ")")));
		step.put("template", Map.of("text", template));
		return step;
	}

	private static Map<String, Object> say(McpSyncClient client, String session, String message) {
		Map<String, Object> arguments = (session != null) ? Map.of("session", session, "message", message)
				: Map.of("agent", "deliveries", "message", message);
		return ok(call(client, "converse", arguments));
	}

}
