import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat model on loopback that answers every {@code POST /v1/chat/completions} after a fixed
 * delay, like a remote model would; {@code GET /count} tells how many completions it made. Run by bench/load.sh
 * with the JDK source launcher:
 *
 * <pre>
 * java FakeChatModel.java PORT DELAY_MS
 * </pre>
 */
public final class FakeChatModel {

	private static final byte[] COMPLETION = """
			{"id":"chatcmpl-load","object":"chat.completion","created":1700000000,"model":"fake-model",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Refunds reach your account within \
			five working days.","refusal":null},"logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":120,"completion_tokens":9,"total_tokens":129}}
			""".getBytes(StandardCharsets.UTF_8);

	private static final AtomicLong completions = new AtomicLong();

	public static void main(String[] args) throws IOException {
		long delayMs = Long.parseLong(args[1]);
		HttpServer server = HttpServer.create(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/v1/chat/completions", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			try {
				Thread.sleep(delayMs);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			completions.incrementAndGet();
			send(exchange, COMPLETION);
		});
		server.createContext("/count",
				(exchange) -> send(exchange, Long.toString(completions.get()).getBytes(StandardCharsets.UTF_8)));
		server.start();
	}

	private static void send(HttpExchange exchange, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
