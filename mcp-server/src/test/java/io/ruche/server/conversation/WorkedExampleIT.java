package io.ruche.server.conversation;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of {@code docs/brain.md}: an agent with two rules and a scenario, a
 * three-turn conversation answered through sampling, and its traces (printed to the test
 * output).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkedExampleIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
	}

	@Test
	void repairBookingConversation() {
		McpSyncClient client = ConversationSupport.client(this.port,
				(request) -> CreateMessageResult
					.builder(McpSchema.Role.ASSISTANT, "(reply of the client's model)", "client-model")
					.build());
		agent(client, "bike-shop", Map.of("fallback_text", "Let me check with the workshop and come back to you."));
		rule(client, "bike-shop",
				Map.of("name", "opening-hours", "condition", "The customer asks when the shop is open", "action",
						"Give the opening hours", "template",
						Map.of("text", "We are open Tuesday to Saturday, 9am to 6pm.", "mode", "exclusive")));
		rule(client, "bike-shop",
				Map.of("name", "no-guarantees", "condition", "The customer asks for a promise", "action",
						"Never promise a result or a delay", "constraints",
						List.of("!response.contains(\"guarantee\")")));
		ok(call(client, "scenario_upsert",
				Map.of("agent", "bike-shop", "scenario", Map.of("name", "repair-booking", "description",
						"Book a repair slot", "entry_condition", "The customer wants to book a repair for their bike",
						"entry_step", "ask-date", "steps", List.of(
								Map.of("id", "ask-date", "name", "Ask the date", "instructions",
										"Ask which day (YYYY-MM-DD) suits the customer", "collects",
										List.of(Map.of("name", "date", "description", "The wanted day", "pattern",
												"(\\d{4}-\\d{2}-\\d{2})")),
										"transitions",
										List.of(Map.of("to", "confirm", "condition", "has(variables.date)"))),
								Map.of("id", "confirm", "name", "Confirm", "instructions",
										"Confirm the booking for {{date}}", "terminal", true))))));

		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		String session = null;
		for (String message : List.of("When are you open?", "I'd like to book a repair for my bike",
				"Could I come on 2026-12-03?")) {
			Map<String, Object> args = (session == null) ? Map.of("agent", "bike-shop", "message", message)
					: Map.of("session", session, "message", message);
			Map<String, Object> reply = ok(call(client, "converse", args));
			session = (String) reply.get("session");
			Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", reply.get("trace"))));
			System.out.println("=== converse: " + message + "\n" + json.writeValueAsString(reply));
			System.out.println("=== trace\n" + json.writeValueAsString(trace));
		}
		Map<String, Object> read = ok(call(client, "session_get", Map.of("session", session)));
		System.out.println("=== session\n" + json.writeValueAsString(read));
		assertThat(map(read, "variables")).containsEntry("date", "2026-12-03");
		client.closeGracefully();
	}

}
