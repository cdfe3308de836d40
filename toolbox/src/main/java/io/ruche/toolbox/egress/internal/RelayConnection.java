package io.ruche.toolbox.egress.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of a relay. HTTPS arrives as {@code CONNECT host:port} and is
 * tunnelled end to end (the client's TLS keeps SNI and certificate checks on the host
 * name). Plain HTTP arrives in absolute form: each request's head is forwarded in origin
 * form and its body by its own framing, so that every request on the connection is read
 * and checked. A request for any other target ends the connection. Every failure closes
 * the client's connection the same way, whatever the cause, so that a caller cannot tell
 * a closed port from a reset one.
 */
final class RelayConnection {

	private static final Logger logger = LoggerFactory.getLogger(RelayConnection.class);

	private static final int MAX_HEAD_BYTES = 64 * 1024;

	private static final int HEAD_TIMEOUT_MS = 10_000;

	private static final byte[] ESTABLISHED = "HTTP/1.1 200 Connection established\r\n\r\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	// connection management belongs to each hop
	private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "upgrade",
			"http2-settings", "proxy-authorization");

	private final Relay relay;

	private final Socket client;

	RelayConnection(Relay relay, Socket client) {
		this.relay = relay;
		this.client = client;
	}

	void serve() {
		try {
			this.client.setSoTimeout(HEAD_TIMEOUT_MS);
			InputStream in = new BufferedInputStream(this.client.getInputStream());
			RequestHead head = RequestHead.read(in, MAX_HEAD_BYTES);
			if (head == null || !isForTarget(head)) {
				logger.debug("The egress relay of {} dropped a request for another target", target().host());
				return;
			}
			relay(head, in);
		}
		catch (IOException ex) {
			logger.debug("An egress relay connection to {} failed: {}", target().host(), ex.toString());
		}
		finally {
			this.relay.release(this.client);
		}
	}

	private void relay(RequestHead head, InputStream in) throws IOException {
		Socket upstream = this.relay.connectUpstream();
		try {
			this.client.setSoTimeout(0);
			if ("CONNECT".equals(head.method())) {
				OutputStream out = this.client.getOutputStream();
				out.write(ESTABLISHED);
				out.flush();
				pipe(upstream, () -> copy(in, upstream.getOutputStream()));
			}
			else {
				pipe(upstream, () -> forwardRequests(head, in, upstream.getOutputStream()));
			}
		}
		finally {
			this.relay.release(upstream);
		}
	}

	private EgressTarget target() {
		return this.relay.target();
	}

	private boolean isForTarget(RequestHead head) {
		if ("CONNECT".equals(head.method())) {
			int colon = head.target().lastIndexOf(':');
			return target().secure() && colon > 0
					&& target().isAt(head.target().substring(0, colon), port(head.target().substring(colon + 1)));
		}
		URI uri = absolute(head.target());
		return uri != null && !target().secure() && "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
				&& uri.getRawUserInfo() == null
				&& target().isAt(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 80);
	}

	// every request of the connection is checked and rewritten, none goes out unread
	private void forwardRequests(RequestHead first, InputStream in, OutputStream upstreamOut) throws IOException {
		OutputStream out = new BufferedOutputStream(upstreamOut);
		RequestHead head = first;
		while (head != null && isForTarget(head) && !"CONNECT".equals(head.method())) {
			HttpLines.writeLine(out, head.method() + " " + originForm(head.target()) + " " + head.version());
			for (String header : head.headers()) {
				if (!HOP_BY_HOP.contains(RequestHead.nameOf(header))) {
					HttpLines.writeLine(out, header);
				}
			}
			HttpLines.writeLine(out, "");
			copyBody(head, in, out);
			out.flush();
			head = RequestHead.read(in, MAX_HEAD_BYTES);
		}
		if (head != null) {
			throw new IOException("a request for another target on the relay of " + target().host());
		}
	}

	private static void copyBody(RequestHead head, InputStream in, OutputStream out) throws IOException {
		boolean chunked = head.header("Transfer-Encoding")
			.map((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"))
			.orElse(false);
		if (chunked) {
			HttpLines.copyChunked(in, out, MAX_HEAD_BYTES);
			return;
		}
		String length = head.header("Content-Length").orElse("0");
		try {
			HttpLines.copyExactly(in, out, Long.parseLong(length));
		}
		catch (NumberFormatException ex) {
			throw new IOException("bad Content-Length");
		}
	}

	// each direction half-closes the other side when it ends; a failure closes both
	private void pipe(Socket upstream, Outbound outbound) throws IOException {
		Thread sender = Thread.ofVirtual().start(() -> {
			try {
				outbound.run();
				upstream.shutdownOutput();
			}
			catch (IOException ex) {
				closeQuietly(this.client);
				closeQuietly(upstream);
			}
		});
		try {
			copy(upstream.getInputStream(), this.client.getOutputStream());
			this.client.shutdownOutput();
		}
		catch (IOException ex) {
			closeQuietly(this.client);
			closeQuietly(upstream);
		}
		try {
			sender.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1) {
			out.write(buffer, 0, read);
			// streamed answers (SSE) go through as they come
			out.flush();
		}
	}

	private static @Nullable URI absolute(String target) {
		try {
			return new URI(target);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String originForm(String target) {
		URI uri = URI.create(target);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

	private static int port(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	/** The client-to-upstream half of a connection. */
	@FunctionalInterface
	private interface Outbound {

		void run() throws IOException;

	}

}
