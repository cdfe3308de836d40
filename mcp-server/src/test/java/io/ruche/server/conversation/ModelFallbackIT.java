package io.ruche.server.conversation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.server.brain.FallbackLanguageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain of two providers through Spring AI's real clients: an OpenAI-compatible server
 * that fails, then an Anthropic-compatible one that answers.
 */
@SpringBootTest
class ModelFallbackIT {

	static final AtomicInteger openAiCalls = new AtomicInteger();

	static final AtomicInteger anthropicCalls = new AtomicInteger();

	static final HttpServer failingOpenAi = server((exchange) -> {
		openAiCalls.incrementAndGet();
		send(exchange, 500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
	});

	static final HttpServer anthropic = server((exchange) -> {
		anthropicCalls.incrementAndGet();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String text = body.contains("opening hours") ? "We open at nine." : "Hello.";
		send(exchange, 200, """
				{"id":"msg_1","type":"message","role":"assistant","model":"claude-test",
				 "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,
				 "usage":{"input_tokens":12,"output_tokens":4}}""".formatted(text));
	});

	@Autowired
	FallbackLanguageModel model;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
		registry.add("platform.model.provider", () -> "openai");
		registry.add("platform.model.base-url", () -> baseUrl(failingOpenAi) + "/v1");
		registry.add("platform.model.name", () -> "broken-model");
		registry.add("platform.model.timeout", () -> "10s");
		registry.add("platform.model.fallbacks[0].provider", () -> "anthropic");
		registry.add("platform.model.fallbacks[0].base-url", () -> baseUrl(anthropic));
		registry.add("platform.model.fallbacks[0].api-key", () -> "sk-ant-test");
		registry.add("platform.model.fallbacks[0].name", () -> "claude-test");
	}

	@AfterAll
	static void stop() {
		failingOpenAi.stop(0);
		anthropic.stop(0);
	}

	@Test
	void aFailingProviderHandsTheCallToTheNextOne() {
		ModelRequest request = new ModelRequest("You are a shop assistant.",
				List.of(ModelMessage.user("What are your opening hours?")), 0.2, 100);

		ModelReply reply = this.model.generate(request);

		assertThat(reply.text()).isEqualTo("We open at nine.");
		assertThat(openAiCalls.get()).isPositive();
		assertThat(anthropicCalls.get()).isEqualTo(1);
		assertThat(this.model.providers()).hasSize(2);
	}

	private static HttpServer server(Handler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				try (exchange) {
					handler.handle(exchange);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String baseUrl(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

}
