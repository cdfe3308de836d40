package io.ruche.server.conversation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An OpenAI-compatible HTTP server on loopback that answers
 * {@code POST /v1/chat/completions} with scripted replies, in order.
 */
final class FakeOpenAiServer implements AutoCloseable {

	sealed interface Reply {

		record Text(String content) implements Reply {
		}

		record Status(int status, String body) implements Reply {
		}

		record Malformed() implements Reply {
		}

		record Slow(long millis, String content) implements Reply {
		}

	}

	private final HttpServer server;

	private final Map<String, ConcurrentLinkedQueue<Reply>> scripts = new ConcurrentHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	FakeOpenAiServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/v1/chat/completions", this::handle);
		this.server.start();
	}

	List<String> requests(String key) {
		return this.requests.stream().filter((r) -> r.contains(key)).toList();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/**
	 * Configures the platform's model as the OpenAI-compatible provider served here.
	 * @param registry the test's properties
	 * @param timeout the model's timeout, such as {@code 3s}
	 */
	void configure(DynamicPropertyRegistry registry, String timeout) {
		registry.add("platform.model.provider", () -> "openai");
		registry.add("platform.model.base-url", this::baseUrl);
		registry.add("platform.model.api-key", () -> "sk-test");
		registry.add("platform.model.name", () -> "fake-model");
		registry.add("platform.model.timeout", () -> timeout);
	}

	/**
	 * Scripts the replies to the requests whose body contains a key (the agent's name, in
	 * its persona), so that a late request of another test never takes them.
	 * @param key the text that identifies the requests
	 * @param replies the replies, in order
	 */
	void script(String key, Reply... replies) {
		this.scripts.put(key, new ConcurrentLinkedQueue<>(List.of(replies)));
		this.requests.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(body);
		Reply reply = this.scripts.entrySet()
			.stream()
			.filter((e) -> body.contains(e.getKey()))
			.findFirst()
			.map((e) -> e.getValue().poll())
			.orElse(null);
		if (reply == null) {
			reply = new Reply.Status(500, "{\"error\":{\"message\":\"no scripted reply\",\"type\":\"server_error\"}}");
		}
		switch (reply) {
			case Reply.Text text -> send(exchange, 200, completion(text.content()));
			case Reply.Status status -> send(exchange, status.status(), status.body());
			case Reply.Malformed malformed -> send(exchange, 200, "{\"id\": \"chatcmpl-x\", \"choices\": [ {\"mess");
			case Reply.Slow slow -> {
				try {
					Thread.sleep(slow.millis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				try {
					send(exchange, 200, completion(slow.content()));
				}
				catch (IOException ex) {
					// the client gave up
				}
			}
		}
	}

	private static String completion(String content) {
		String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
		return """
				{"id":"chatcmpl-fake","object":"chat.completion","created":1700000000,"model":"fake-model",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
				 "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}
				""".formatted(escaped);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
