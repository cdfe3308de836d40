package io.ruche.server.conversation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.assertj.core.api.InstanceOfAssertFactories;
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
 * The conversation tools with no model configured: templates, MCP sampling, guidance and
 * enforce, session and trace inspection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationToolsIT {

	static final String HOURS = "We are open Monday to Friday from 9am to 6pm, and Saturday from 10am to 4pm.";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
	}

	@Test
	void exclusiveTemplateAnswersAParaphrasedQuestionAndTheTraceExplainsIt() {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, "bikes-template", Map.of());
		Map<String, Object> hours = map(rule(client, "bikes-template",
				Map.of("name", "opening-hours", "condition", "The customer asks about the shop's opening hours",
						"action", "Give the opening hours", "template", Map.of("text", HOURS, "mode", "exclusive"))),
				"rule");
		rule(client, "bikes-template", Map.of("name", "repairs", "condition", "The customer wants a bike repaired",
				"action", "Offer a repair appointment"));

		List<Object> progress = new CopyOnWriteArrayList<>();
		McpSyncClient listening = io.modelcontextprotocol.client.McpClient
			.sync(io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport
				.builder("http://127.0.0.1:" + this.port)
				.addHttpRequestCustomizer((builder, method, uri, body, ctx) -> builder.header("Authorization",
						"Bearer " + ConversationSupport.KEY))
				.build())
			.progressConsumer(progress::add)
			.build();
		listening.initialize();
		CallToolResult result = listening.callTool(CallToolRequest.builder("converse")
			.arguments(Map.of("agent", "bikes-template", "message", "What time do you open during the week?"))
			.progressToken("p-1")
			.build());
		Map<String, Object> reply = ok(result);
		assertThat(reply.get("response")).isEqualTo(HOURS);
		assertThat(reply.get("mode")).isEqualTo("template");
		assertThat(reply.get("turn")).isEqualTo(1);
		assertThat(reply).containsKey("scenario");
		assertThat(reply.get("scenario")).isNull();
		assertThat(list(reply, "matched_rules")).first()
			.satisfies((r) -> assertThat(r.get("id")).isEqualTo(hours.get("id")))
			.satisfies((r) -> assertThat(r.get("name")).isEqualTo("opening-hours"));
		assertThat(map(reply, "enforcement").get("passed")).isEqualTo(true);
		String trace = (String) reply.get("trace");
		assertThat(result.meta()).containsEntry("io.ruche/trace", trace);
		for (int i = 0; i < 50 && progress.isEmpty(); i++) {
			ConversationSupport.pause(100);
		}
		assertThat(progress).isNotEmpty();
		listening.closeGracefully();

		Map<String, Object> traced = ok(call(client, "trace_get", Map.of("trace", trace)));
		List<Map<String, Object>> phases = list(traced, "phases");
		assertThat(phases).extracting((p) -> p.get("name"))
			.contains("context", "retrieval", "generation", "enforcement", "persistence");
		assertThat(phases).allSatisfy((p) -> assertThat(p).containsKeys("duration_ms", "status", "decisions"));
		Map<String, Object> generation = phases.stream()
			.filter((p) -> "generation".equals(p.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(map(generation, "decisions").get("source")).isEqualTo("exclusive template");

		McpSchema.ReadResourceResult resource = client
			.readResource(ReadResourceRequest.builder("ruche://traces/" + trace).build());
		assertThat(((TextResourceContents) resource.contents().get(0)).text()).contains("\"generation\"");
		client.closeGracefully();
	}

	@Test
	void aClosedSessionRefusesTurnsAndSaysHowToStartANewOne() {
		McpSyncClient client = ConversationSupport.client(this.port);
		try {
			CallToolResult badLifetime = call(client, "agent_upsert",
					Map.of("name", "bikes-closing", "settings", Map.of("idle_after", "soon")));
			assertThat(badLifetime.isError()).isTrue();
			assertThat(text(badLifetime)).contains("idle_after must be an ISO-8601 duration");
			agent(client, "bikes-closing", Map.of("idle_after", "PT45M", "close_after", "120", "fallback_text",
					"Let me check with the workshop."));
			Map<String, Object> first = ok(
					call(client, "converse", Map.of("agent", "bikes-closing", "message", "Is my bike ready?")));
			String session = (String) first.get("session");
			assertThat(ok(call(client, "session_get", Map.of("session", session)))).containsEntry("status", "active");

			Map<String, Object> closed = ok(call(client, "session_close", Map.of("session", session)));
			CallToolResult refused = call(client, "converse",
					Map.of("session", session, "message", "Is my bike ready now?"));

			assertThat(closed).containsEntry("session", session).containsEntry("status", "closed");
			assertThat(refused.isError()).isTrue();
			assertThat(text(refused)).contains("Session " + session + " is closed")
				.contains("start a new one by omitting 'session'");
			assertThat(ok(call(client, "session_get", Map.of("session", session)))).containsEntry("status", "closed")
				.extractingByKey("turns")
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.hasSize(1);
			assertThat(ok(call(client, "session_close", Map.of("session", session)))).isEqualTo(closed);
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void aReturningCustomerIsNotAskedForTheirEmailAgain() {
		McpSyncClient client = ConversationSupport.client(this.port);
		try {
			agent(client, "bikes-returns", Map.of());
			ok(call(client, "scenario_upsert", Map.of("agent", "bikes-returns", "scenario", Map.of("name", "returns",
					"entry_condition", "The customer wants to return an item they bought", "steps", List.of(
							Map.of("id", "ask-email", "instructions", "Ask for the customer's e-mail address",
									"collects",
									List.of(Map.of("name", "email", "description", "e-mail address", "pattern",
											"([\\w.+-]+@[\\w-]+\\.[\\w.]+)", "profile", true)),
									"transitions",
									List.of(Map.of("to", "ask-order", "condition", "has(variables.email)")), "template",
									Map.of("text", "What is your e-mail address?")),
							Map.of("id", "ask-order", "instructions", "Ask for the order number", "collects",
									List.of(Map.of("name", "order_number", "description", "5 digits", "pattern",
											"(\\d{5})")),
									"transitions",
									List.of(Map.of("to", "label", "condition", "has(variables.order_number)")),
									"template", Map.of("text", "Thanks. Which order is it, {{email}}?")),
							Map.of("id", "label", "instructions", "Send the label", "terminal", true, "template",
									Map.of("text", "The label for order {{order_number}} goes to {{email}}.")))))));

			Map<String, Object> asked = ok(call(client, "converse", Map.of("agent", "bikes-returns", "message",
					"I want to return the shoes I bought", "interlocutor", "cust-7")));
			assertThat(asked.get("response")).isEqualTo("What is your e-mail address?");
			Map<String, Object> answered = ok(call(client, "converse",
					Map.of("session", asked.get("session"), "message", "It is ana@example.org")));
			assertThat(answered.get("response")).isEqualTo("Thanks. Which order is it, ana@example.org?");
			Map<String, Object> profile = ok(call(client, "interlocutor_get", Map.of("interlocutor", "cust-7")));
			assertThat(map(profile, "fields")).containsEntry("email", "ana@example.org");

			// A new session of the same customer: the e-mail step is skipped, the reply
			// knows the address.
			Map<String, Object> back = ok(call(client, "converse", Map.of("agent", "bikes-returns", "message",
					"I want to return the helmet I bought", "interlocutor", "cust-7")));
			assertThat(back.get("session")).isNotEqualTo(asked.get("session"));
			assertThat(back.get("response")).isEqualTo("Thanks. Which order is it, ana@example.org?");
			assertThat(map(back, "scenario")).containsEntry("step", "ask-order");
			Map<String, Object> label = ok(
					call(client, "converse", Map.of("session", back.get("session"), "message", "Order 12345")));
			assertThat(label.get("response")).isEqualTo("The label for order 12345 goes to ana@example.org.");

			CallToolResult unknown = call(client, "interlocutor_get", Map.of("interlocutor", "nobody-here"));
			assertThat(unknown.isError()).isTrue();
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void aFieldTheAgentDeclaresIsKeptInTheProfileAndKnownInALaterSession() {
		McpSyncClient client = ConversationSupport.client(this.port);
		try {
			CallToolResult twice = call(client, "agent_upsert",
					Map.of("name", "bikes-known", "fields", List.of(Map.of("name", "email"), Map.of("name", "email"))));
			assertThat(twice.isError()).isTrue();
			assertThat(text(twice)).contains("field names must be unique");
			Map<String, Object> upserted = ok(call(client, "agent_upsert",
					Map.of("name", "bikes-known", "persona", "You are bikes-known.", "settings",
							Map.of("fallback_text", "Welcome to the shop."), "fields",
							List.of(Map.of("name", "email", "description", "e-mail address", "pattern",
									"([\\w.+-]+@[\\w-]+\\.[\\w.]+)", "profile", true)))));
			// The step's own field is not marked profile: only the agent's declaration
			// keeps it.
			ok(call(client, "scenario_upsert", Map
				.of("agent", "bikes-known", "scenario", Map.of("name", "returns", "entry_condition",
						"The customer wants to return an item they bought", "steps", List.of(
								Map.of("id", "ask-email", "instructions", "Ask for the customer's e-mail address",
										"collects", List.of(Map.of("name", "email", "description", "e-mail address")),
										"transitions",
										List.of(Map.of("to", "ask-order", "condition",
												"has(interlocutor.fields.email)")),
										"template", Map.of("text", "What is your e-mail address?")),
								Map.of("id", "ask-order", "instructions", "Ask for the order number", "terminal", true,
										"template", Map.of("text", "Thanks. Which order is it, {{email}}?")))))));

			Map<String, Object> browsing = ok(call(client, "converse", Map.of("agent", "bikes-known", "message",
					"Hi, I am ben@example.org and I am just looking around", "interlocutor", "cust-9")));
			assertThat(browsing.get("scenario")).isNull();
			Map<String, Object> profile = ok(call(client, "interlocutor_get", Map.of("interlocutor", "cust-9")));
			assertThat(map(profile, "fields")).containsEntry("email", "ben@example.org");

			Map<String, Object> back = ok(call(client, "converse", Map.of("agent", "bikes-known", "message",
					"I want to return the helmet I bought", "interlocutor", "cust-9")));
			assertThat(back.get("session")).isNotEqualTo(browsing.get("session"));
			assertThat(map(back, "scenario")).containsEntry("step", "ask-order");
			assertThat(back.get("response")).isEqualTo("Thanks. Which order is it, ben@example.org?");

			Map<String, Object> exported = ok(call(client, "agent_export", Map.of("agent", "bikes-known")));
			assertThat(exported.get("document").toString()).contains("fields:").contains("profile: true");
			assertThat(list(map(upserted, "agent"), "fields")).singleElement()
				.satisfies((field) -> assertThat(field).containsEntry("name", "email").containsEntry("profile", true));
		}
		finally {
			client.closeGracefully();
		}
	}

	@Test
	void withoutModelSamplingOrTemplateTheToolErrorSaysSo() {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, "bikes-bare", Map.of());
		CallToolResult result = call(client, "converse",
				Map.of("agent", "bikes-bare", "message", "Hello, can you help me?"));
		assertThat(result.isError()).isTrue();
		assertThat(text(result))
			.contains("no model is configured and the client did not declare sampling, and no template applies");
		CallToolResult unknown = call(client, "converse", Map.of("agent", "nobody", "message", "Hello"));
		assertThat(unknown.isError()).isTrue();
		assertThat(text(unknown)).contains("Unknown agent 'nobody'");
		CallToolResult noSession = call(client, "converse",
				Map.of("agent", "bikes-bare", "session", "ses_missing", "message", "Hello"));
		assertThat(noSession.isError()).isTrue();
		assertThat(text(noSession)).contains("Unknown session 'ses_missing'");
		client.closeGracefully();
	}

	@Test
	void samplingClientAnswersAndABrokenConstraintIsRegeneratedThenFallsBack() {
		AtomicInteger calls = new AtomicInteger();
		List<CreateMessageRequest> requests = new CopyOnWriteArrayList<>();
		McpSyncClient client = ConversationSupport.client(this.port, (request) -> {
			requests.add(request);
			int n = calls.incrementAndGet();
			String text = switch (n) {
				case 1 -> "Sure, a tune-up costs 49 euros.";
				case 2 -> "We guarantee your bike will never break.";
				case 3 -> "Our repairs come with a 6-month warranty on parts.";
				default -> "We guarantee everything, always.";
			};
			return CreateMessageResult.builder(McpSchema.Role.ASSISTANT, text, "client-model").build();
		});
		agent(client, "bikes-sampling", Map.of("fallback_text", "Let me connect you with a colleague."));
		rule(client, "bikes-sampling", Map.of("name", "no-guarantees", "condition", "Any reply", "action",
				"Never promise guarantees", "constraints", List.of("!response.contains(\"guarantee\")")));

		Map<String, Object> first = ok(
				call(client, "converse", Map.of("agent", "bikes-sampling", "message", "How much is a tune-up?")));
		assertThat(first.get("mode")).isEqualTo("sampling");
		assertThat(first.get("response")).isEqualTo("Sure, a tune-up costs 49 euros.");
		assertThat(requests.get(0).systemPrompt()).isNotBlank();
		String session = (String) first.get("session");

		Map<String, Object> second = ok(call(client, "converse",
				Map.of("session", session, "message", "Will my bike be fine after the repair?")));
		assertThat(second.get("mode")).isEqualTo("sampling");
		assertThat(second.get("response")).isEqualTo("Our repairs come with a 6-month warranty on parts.");
		assertThat(map(second, "enforcement").get("regenerations")).isEqualTo(1);
		assertThat(second.get("turn")).isEqualTo(2);

		Map<String, Object> third = ok(
				call(client, "converse", Map.of("session", session, "message", "Can you promise it won't break?")));
		assertThat(third.get("mode")).isEqualTo("fallback");
		assertThat(third.get("response")).isEqualTo("Let me connect you with a colleague.");
		Map<String, Object> enforcement = map(third, "enforcement");
		assertThat(enforcement.get("passed")).isEqualTo(false);
		assertThat(list(enforcement, "violations")).first()
			.satisfies((v) -> assertThat(v.get("rule")).isEqualTo("no-guarantees"))
			.satisfies((v) -> assertThat(v.get("expression")).isEqualTo("!response.contains(\"guarantee\")"));

		Map<String, Object> read = ok(call(client, "session_get", Map.of("session", session)));
		assertThat(map(read, "agent").get("name")).isEqualTo("bikes-sampling");
		assertThat(read.get("status")).isEqualTo("active");
		assertThat(read.get("interlocutor")).isNotNull();
		assertThat(list(read, "turns")).extracting((t) -> t.get("message"))
			.containsExactly("How much is a tune-up?", "Will my bike be fine after the repair?",
					"Can you promise it won't break?");
		assertThat(list(read, "turns")).extracting((t) -> t.get("response"))
			.containsExactly("Sure, a tune-up costs 49 euros.", "Our repairs come with a 6-month warranty on parts.",
					"Let me connect you with a colleague.");
		client.closeGracefully();
	}

	@Test
	void guidanceThenEnforceWithCommitRecordsTheReply() {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, "bikes-guided", Map.of());
		rule(client, "bikes-guided", Map.of("name", "short-replies", "condition", "Any reply", "action",
				"Keep replies short", "constraints", List.of("size(response) <= 80")));
		rule(client, "bikes-guided", Map.of("name", "rentals", "condition", "The customer wants to rent a bike",
				"action", "Explain the daily rental price of 20 euros"));

		Map<String, Object> guidance = ok(call(client, "guidance",
				Map.of("agent", "bikes-guided", "message", "I would like to hire a bicycle for the weekend")));
		String session = (String) guidance.get("session");
		assertThat(guidance.get("turn")).isEqualTo(1);
		assertThat((String) guidance.get("instructions")).isNotBlank();
		assertThat(list(guidance, "constraints")).extracting((c) -> c.get("expression"))
			.contains("size(response) <= 80");
		assertThat(list(guidance, "matched_rules")).extracting((r) -> r.get("name")).contains("rentals");
		assertThat(guidance).containsKey("template");
		assertThat(guidance.get("trace")).isNotNull();

		Map<String, Object> tooLong = ok(call(client, "enforce",
				Map.of("agent", "bikes-guided", "session", session, "draft", "x".repeat(120), "commit", true)));
		assertThat(tooLong.get("passed")).isEqualTo(false);
		assertThat(tooLong.get("committed")).isEqualTo(false);
		assertThat(list(tooLong, "violations")).first()
			.satisfies((v) -> assertThat(v.get("rule")).isEqualTo("short-replies"))
			.satisfies((v) -> assertThat((String) v.get("message")).isNotBlank());

		Map<String, Object> good = ok(call(client, "enforce", Map.of("agent", "bikes-guided", "session", session,
				"draft", "Rentals are 20 euros a day.", "commit", true)));
		assertThat(good.get("passed")).isEqualTo(true);
		assertThat(good.get("committed")).isEqualTo(true);

		Map<String, Object> read = ok(call(client, "session_get", Map.of("session", session)));
		assertThat(list(read, "turns")).singleElement()
			.satisfies((t) -> assertThat(t.get("message")).isEqualTo("I would like to hire a bicycle for the weekend"))
			.satisfies((t) -> assertThat(t.get("response")).isEqualTo("Rentals are 20 euros a day."));
		McpSchema.ReadResourceResult resource = client
			.readResource(ReadResourceRequest.builder("ruche://sessions/" + session).build());
		assertThat(((TextResourceContents) resource.contents().get(0)).text()).contains("Rentals are 20 euros a day.");
		client.closeGracefully();
	}

}
