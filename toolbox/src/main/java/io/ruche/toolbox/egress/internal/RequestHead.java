package io.ruche.toolbox.egress.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The head of an HTTP/1.1 request as a proxy receives it.
 *
 * @param method the method ({@code CONNECT}, {@code POST}, ...)
 * @param target the request target: {@code host:port} for {@code CONNECT}, an absolute
 * URL otherwise
 * @param version the protocol version ({@code HTTP/1.1})
 * @param headers the header lines, as received
 */
record RequestHead(String method, String target, String version, List<String> headers) {

	RequestHead {
		headers = List.copyOf(headers);
	}

	/**
	 * Reads a request head.
	 * @param in the client's stream, buffered; left positioned after the head
	 * @param maxBytes the largest head accepted
	 * @return the head, or null when the stream ended first or the request line is
	 * malformed
	 * @throws IOException when reading fails or the head is too large
	 */
	static @Nullable RequestHead read(InputStream in, int maxBytes) throws IOException {
		String requestLine = HttpLines.readLine(in, maxBytes);
		if (requestLine == null) {
			return null;
		}
		int budget = maxBytes - requestLine.length();
		List<String> headers = new ArrayList<>();
		String line;
		while ((line = HttpLines.readLine(in, budget)) != null && !line.isEmpty()) {
			headers.add(line);
			budget -= line.length();
		}
		String[] parts = requestLine.split(" ", -1);
		if (line == null || parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
			return null;
		}
		return new RequestHead(parts[0], parts[1], parts[2], headers);
	}

	/**
	 * The first value of a header.
	 * @param name the header name, any case
	 * @return its value, trimmed
	 */
	Optional<String> header(String name) {
		for (String header : this.headers) {
			int colon = header.indexOf(':');
			if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase(name)) {
				return Optional.of(header.substring(colon + 1).strip());
			}
		}
		return Optional.empty();
	}

	/**
	 * The header's name in lower case.
	 * @param header a header line
	 * @return its name, empty when the line has no colon
	 */
	static String nameOf(String header) {
		int colon = header.indexOf(':');
		return (colon > 0) ? header.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
	}

}
