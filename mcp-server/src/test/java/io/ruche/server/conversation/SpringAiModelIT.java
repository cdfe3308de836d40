package io.ruche.server.conversation;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelRequest;
import io.ruche.server.brain.FallbackLanguageModel;
import io.ruche.server.conversation.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import static io.ruche.server.conversation.ConversationSupport.rule;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured model path: Spring AI's OpenAI client against a fake OpenAI-compatible
 * server with scripted replies, failures and a slow answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringAiModelIT {

	static final FakeOpenAiServer fake = new FakeOpenAiServer();

	static final String FALLBACK = "Sorry, I cannot answer that right now; a colleague will follow up.";

	@LocalServerPort
	int port;

	@Autowired
	FallbackLanguageModel model;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		fake.configure(registry, "3s");
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	static boolean warm;

	@BeforeEach
	void warmUpAndCloseCircuit() {
		if (!warm) {
			// the first call of the JVM loads the HTTP client: keep it out of the
			// timeouts
			// under test
			fake.script("warm-up", new Reply.Text("ready"));
			try {
				this.model.generate(new ModelRequest("warm-up", List.of(ModelMessage.user("hi")), 0.0, 10));
			}
			catch (RuntimeException ex) {
				// only warming up
			}
			warm = true;
		}
		this.model.providers().forEach((provider) -> provider.circuitBreaker().reset());
	}

	private McpSyncClient setUp(String agent) {
		McpSyncClient client = ConversationSupport.client(this.port);
		agent(client, agent, Map.of("fallback_text", FALLBACK));
		rule(client, agent, Map.of("name", "no-free", "condition", "Any reply", "action", "Never offer anything free",
				"constraints", List.of("!response.contains(\"free\")")));
		return client;
	}

	@Test
	void theConfiguredModelAnswers() {
		McpSyncClient client = setUp("model-normal");
		fake.script("model-normal", new Reply.Text("A tune-up costs 49 euros."));
		Map<String, Object> reply = ok(
				call(client, "converse", Map.of("agent", "model-normal", "message", "How much is a tune-up?")));
		assertThat(reply.get("mode")).isEqualTo("llm");
		assertThat(reply.get("response")).isEqualTo("A tune-up costs 49 euros.");
		assertThat(fake.requests("model-normal")).singleElement()
			.asString()
			.contains("fake-model")
			.contains("How much is a tune-up?");
		assertThat(this.meters.find("ruche.llm.calls").counter()).isNotNull();
		assertThat(this.meters.find("ruche.llm.tokens").tag("direction", "input").counter().count()).isGreaterThan(0);
		assertThat(this.meters.find("ruche.turn.phase").tag("phase", "generation").timer()).isNotNull();
		client.closeGracefully();
	}

	@Test
	void aForbiddenWordIsRegeneratedThenFallsBack() {
		McpSyncClient client = setUp("model-forbidden");
		fake.script("model-forbidden", new Reply.Text("The first check-up is free!"),
				new Reply.Text("The first check-up costs 10 euros."));
		Map<String, Object> regenerated = ok(
				call(client, "converse", Map.of("agent", "model-forbidden", "message", "Is the check-up paid?")));
		assertThat(regenerated.get("mode")).isEqualTo("llm");
		assertThat(regenerated.get("response")).isEqualTo("The first check-up costs 10 euros.");
		assertThat(map(regenerated, "enforcement").get("regenerations")).isEqualTo(1);
		assertThat(fake.requests("model-forbidden")).hasSize(2);
		assertThat(fake.requests("model-forbidden").get(1)).contains("free");

		fake.script("model-forbidden", new Reply.Text("It is free."), new Reply.Text("Still free."));
		Map<String, Object> fallback = ok(call(client, "converse",
				Map.of("session", regenerated.get("session"), "message", "Really? Nothing is free?")));
		assertThat(fallback.get("mode")).isEqualTo("fallback");
		assertThat(fallback.get("response")).isEqualTo(FALLBACK);
		assertThat(map(fallback, "enforcement").get("passed")).isEqualTo(false);
		assertThat(list(map(fallback, "enforcement"), "violations")).isNotEmpty();
		client.closeGracefully();
	}

	@Test
	void providerFailuresDegradeToAClearOutcome() {
		McpSyncClient client = ConversationSupport.client(this.port);
		// No fallback text and no template: the failure is the turn's outcome (with a
		// fallback text, that text answers; see ShopSupportConversationIT).
		agent(client, "model-failing", Map.of());
		for (Reply failure : List.of(new Reply.Malformed(),
				new Reply.Status(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"),
				new Reply.Slow(5000, "too late"))) {
			fake.script("model-failing", failure);
			CallToolResult result = call(client, "converse",
					Map.of("agent", "model-failing", "message", "How much is a tune-up?"));
			assertThat(result.isError()).as("%s", failure).isTrue();
			assertThat(text(result)).as("%s", failure)
				.startsWith("No model is available: the configured model could not answer")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
		}
		client.closeGracefully();
	}

	@Test
	void providerFailuresFallBackToATemplateWhenOneApplies() {
		McpSyncClient client = setUp("model-template");
		rule(client, "model-template",
				Map.of("name", "price-fallback", "condition", "The customer asks about prices", "action", "Give prices",
						"template", Map.of("text", "Our price list is at the counter.", "mode", "fallback")));
		fake.script("model-template",
				new Reply.Status(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
		Map<String, Object> reply = ok(
				call(client, "converse", Map.of("agent", "model-template", "message", "What are your prices?")));
		assertThat(reply.get("mode")).isEqualTo("fallback");
		assertThat(reply.get("response")).isEqualTo("Our price list is at the counter.");
		Map<String, Object> trace = ok(call(client, "trace_get", Map.of("trace", reply.get("trace"))));
		Map<String, Object> generation = list(trace, "phases").stream()
			.filter((p) -> "generation".equals(p.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(map(generation, "decisions")).containsKey("llm_error");
		client.closeGracefully();
	}

}
