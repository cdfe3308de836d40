package io.ruche.toolbox.egress;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback HTTP (or HTTPS) server that records what reached it and answers
 * {@code method path?query host [body]} as text.
 */
final class EchoServer implements AutoCloseable {

	private final HttpServer server;

	final List<String> requests = new CopyOnWriteArrayList<>();

	private EchoServer(HttpServer server) {
		this.server = server;
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::echo);
		this.server.start();
	}

	static EchoServer http() throws IOException {
		return new EchoServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
	}

	static EchoServer https(SSLContext context) throws IOException {
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(context));
		return new EchoServer(server);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	private void echo(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String line = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
				+ exchange.getRequestHeaders().getFirst("Host") + (body.isEmpty() ? "" : " " + body);
		this.requests.add(line);
		byte[] answer = line.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
