package io.ruche.server.conversation;

import java.net.http.HttpResponse;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.conversation.FakeOpenAiServer.Reply;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.list;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets of turns and model tokens over MCP and REST, with Spring AI's OpenAI client
 * against a fake OpenAI-compatible model that reports 42 prompt and 7 completion tokens
 * per call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BudgetsConversationIT {

	static final FakeOpenAiServer fake = new FakeOpenAiServer();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		fake.configure(registry, "5s");
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void aTenantOverItsTurnsPerMinuteIsToldWhichBudgetAndWhenToRetry() {
		RestClient operator = new RestClient(this.port, ConversationSupport.KEY);
		String adminKey = (String) RestClient.map(operator.post("/api/tenants", Map.of("name", "budgeted")))
			.get("admin_key");
		RestClient admin = operator.as(adminKey);
		HttpResponse<String> negative = admin.put("/api/tenant/settings", Map.of("turns_per_minute", -1), null);
		HttpResponse<String> set = admin.put("/api/tenant/settings", Map.of("turns_per_minute", 3), null);
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(negative).get("detail").toString()).contains("turns_per_minute");
		assertThat(RestClient.map(set)).containsEntry("turns_per_minute", 3).containsEntry("model_tokens_per_day", 0);

		McpSyncClient client = ConversationSupport.clientAs(this.port, adminKey);
		agent(client, "budget-desk", Map.of());
		agent(client, "budget-other", Map.of());
		fake.script("budget-desk", new Reply.Text("Hello!"), new Reply.Text("Open until six."),
				new Reply.Text("Yes, we repair e-bikes."));
		Map<String, Object> first = ok(call(client, "converse", Map.of("agent", "budget-desk", "message", "Hi")));
		String session = (String) first.get("session");
		ok(call(client, "converse", Map.of("session", session, "message", "When do you close?")));
		ok(call(client, "converse", Map.of("session", session, "message", "Do you repair e-bikes?")));

		CallToolResult fourth = call(client, "converse", Map.of("session", session, "message", "And tyres?"));
		CallToolResult guidance = call(client, "guidance", Map.of("agent", "budget-other", "message", "Hello"));
		HttpResponse<String> rest = admin.post("/api/converse", Map.of("agent", "budget-other", "message", "Hi"));

		assertThat(fourth.isError()).isTrue();
		assertThat(text(fourth))
			.startsWith("The tenant budget turns_per_minute (3 turns per minute) is spent; retry after ")
			.endsWith(" s: nothing ran.");
		assertThat(retryAfter(text(fourth))).isBetween(1L, 60L);
		// The tenant's budget covers every agent and guidance turns too.
		assertThat(guidance.isError()).isTrue();
		assertThat(text(guidance)).contains("tenant budget turns_per_minute");
		assertThat(rest.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(rest.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(RestClient.map(rest)).containsEntry("budget", "turns_per_minute")
			.containsEntry("scope", "tenant")
			.containsEntry("limit", 3);
		// Nothing ran: the session still has three turns.
		Map<String, Object> stored = ok(call(client, "session_get", Map.of("session", session)));
		assertThat(list(stored, "turns")).hasSize(3);
		assertThat(this.meters.find("ruche.budget.refusals")
			.tag("budget", "turns_per_minute")
			.tag("scope", "tenant")
			.counters()).isNotEmpty();
		client.closeGracefully();
	}

	@Test
	void anAgentsTurnsPerMinuteLeavesItsTenantsOtherAgentsAlone() {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, "budget-slow", Map.of("turns_per_minute", "2"));
		agent(client, "budget-free", Map.of());
		fake.script("budget-slow", new Reply.Text("One."), new Reply.Text("Two."));
		fake.script("budget-free", new Reply.Text("Free."));

		ok(call(client, "converse", Map.of("agent", "budget-slow", "message", "one")));
		ok(call(client, "converse", Map.of("agent", "budget-slow", "message", "two")));
		CallToolResult third = call(client, "converse", Map.of("agent", "budget-slow", "message", "three"));
		Map<String, Object> other = ok(call(client, "converse", Map.of("agent", "budget-free", "message", "hi")));

		assertThat(third.isError()).isTrue();
		assertThat(text(third)).startsWith("The agent budget turns_per_minute (2 turns per minute) is spent");
		assertThat(other.get("response")).isEqualTo("Free.");
		client.closeGracefully();
	}

	@Test
	void aSpentTokenBudgetRefusesTheNextModelTurnAndTheTraceShowsTheTokens() {
		McpSyncClient client = ConversationSupport.client(this.port);
		CallToolResult malformed = call(client, "agent_upsert",
				Map.of("name", "budget-tokens", "settings", Map.of("model_tokens_per_day", "lots")));
		assertThat(malformed.isError()).isTrue();
		assertThat(text(malformed)).contains("model_tokens_per_day must be a whole number");
		// Each call of the fake model uses 49 tokens: two turns spend a budget of 60.
		agent(client, "budget-tokens", Map.of("model_tokens_per_day", "60"));
		fake.script("budget-tokens", new Reply.Text("A tune-up costs 49 euros."), new Reply.Text("It takes a day."),
				new Reply.Text("Never sent."));

		Map<String, Object> first = ok(
				call(client, "converse", Map.of("agent", "budget-tokens", "message", "How much is a tune-up?")));
		String session = (String) first.get("session");
		ok(call(client, "converse", Map.of("session", session, "message", "How long does it take?")));
		CallToolResult third = call(client, "converse", Map.of("session", session, "message", "Can I wait?"));
		Map<String, Object> guided = ok(call(client, "guidance", Map.of("session", session, "message", "Can I wait?")));

		assertThat(third.isError()).isTrue();
		assertThat(text(third))
			.startsWith("The agent budget model_tokens_per_day (60 model tokens per UTC day) is spent; retry after ");
		assertThat(retryAfter(text(third))).isBetween(1L, 86_400L);
		assertThat(fake.requests("budget-tokens")).hasSize(2);
		// Guidance calls no model: the token budget does not stop it.
		assertThat(guided.get("turn")).isEqualTo(3);
		Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", first.get("trace"))));
		Map<String, Object> persistence = list(trace, "phases").stream()
			.filter((phase) -> "persistence".equals(phase.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(map(map(persistence, "decisions"), "model_tokens")).containsEntry("input", 42)
			.containsEntry("output", 7);
		assertThat(this.meters.find("ruche.turn.tokens")
			.tag("agent", "budget-tokens")
			.tag("source", "model")
			.tag("direction", "input")
			.counter()
			.count()).isEqualTo(84.0);
		client.closeGracefully();
	}

	private static long retryAfter(String message) {
		String after = message.substring(message.indexOf("retry after ") + "retry after ".length());
		return Long.parseLong(after.substring(0, after.indexOf(' ')));
	}

}
