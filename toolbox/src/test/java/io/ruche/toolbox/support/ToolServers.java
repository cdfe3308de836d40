package io.ruche.toolbox.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP tool servers on loopback: {@code /echo}, {@code /hang}, {@code /flood},
 * {@code /flaky} (fails every other call), {@code /count} (counts calls) and
 * {@code /slow} (answers after 200 ms, tracking concurrency).
 */
public final class ToolServers implements AutoCloseable {

	private final HttpServer server;

	private final TestJson json = new TestJson();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

	public ToolServers() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/echo", (exchange) -> answer(exchange, 200, Map.of("echo", body(exchange))));
		this.server.createContext("/count", (exchange) -> answer(exchange, 200, Map.of("count", count("/count"))));
		this.server.createContext("/hang", this::hang);
		this.server.createContext("/flood", this::flood);
		this.server.createContext("/flaky", (exchange) -> {
			int n = count("/flaky");
			answer(exchange, (n % 2 == 1) ? 500 : 200, Map.of("attempt", n));
		});
		this.server.createContext("/slow", this::slow);
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public int calls(String path) {
		return this.calls.getOrDefault(path, new AtomicInteger()).get();
	}

	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	public String lastHeader(String name) {
		return this.lastHeaders.get(name.toLowerCase(Locale.ROOT));
	}

	private int count(String path) {
		return this.calls.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
	}

	private Object body(HttpExchange exchange) throws IOException {
		exchange.getRequestHeaders()
			.forEach((name, values) -> this.lastHeaders.put(name.toLowerCase(Locale.ROOT), values.get(0)));
		return this.json.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private void hang(HttpExchange exchange) throws IOException {
		count("/hang");
		try {
			Thread.sleep(30_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		answer(exchange, 200, Map.of("late", true));
	}

	private void slow(HttpExchange exchange) throws IOException {
		count("/slow");
		int now = this.inFlight.incrementAndGet();
		this.maxInFlight.accumulateAndGet(now, Math::max);
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
		answer(exchange, 200, Map.of("slow", true));
	}

	private void flood(HttpExchange exchange) throws IOException {
		count("/flood");
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(200, 0);
		byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < 160; i++) {
				out.write(chunk);
			}
		}
		catch (IOException ex) {
			// the client hung up once the cap was reached: expected
		}
	}

	private void answer(HttpExchange exchange, int status, Object payload) throws IOException {
		byte[] bytes = this.json.encode(payload).getBytes(StandardCharsets.UTF_8);
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
