package io.ruche.toolbox.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.TransportResult;
import io.ruche.toolbox.port.TransportTimeoutException;
import io.ruche.toolbox.secret.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON arguments with java.net.http through a route checked for the call (the
 * route's client, which never follows redirects); reads at most the response cap.
 */
public final class HttpToolTransport implements ToolTransport {

	private static final Logger logger = LoggerFactory.getLogger(HttpToolTransport.class);

	private static final int ERROR_SNIPPET = 200;

	private final Egress egress;

	private final JsonCodec json;

	private final SecretCipher cipher;

	private final long maxResponseBytes;

	public HttpToolTransport(Egress egress, JsonCodec json, SecretCipher cipher, long maxResponseBytes) {
		this.egress = egress;
		this.json = json;
		this.cipher = cipher;
		this.maxResponseBytes = maxResponseBytes;
	}

	@Override
	public TransportResult call(ToolDefinition tool, Map<String, Object> arguments, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tool.target()))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.encode(arguments)));
		this.cipher.decryptAll(tool.tenant(), tool.secrets()).forEach(request::header);
		try (EgressRoute route = this.egress.open(tool.tenant(), tool.target())) {
			return read(route.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (HttpTimeoutException ex) {
			throw new TransportTimeoutException("HTTP request timed out after " + timeout.toMillis() + " ms");
		}
		catch (IOException ex) {
			// one message for every network failure: a refused, reset or silent port
			// must read the same, or the error is a port scanner
			logger.debug("Tool {} of tenant {} cannot be reached: {}", tool.name(), tool.tenant().value(),
					ex.toString());
			throw new ToolTransportException("cannot reach the tool", true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ToolTransportException("call abandoned", false);
		}
	}

	private TransportResult read(HttpResponse<InputStream> response) throws IOException {
		try (InputStream body = response.body()) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			int read;
			while ((read = body.read(chunk)) != -1) {
				buffer.write(chunk, 0, read);
				if (buffer.size() > this.maxResponseBytes) {
					// closing the stream aborts the exchange: the flood is never buffered
					return TransportResult.oversized(buffer.size());
				}
			}
			String text = buffer.toString(StandardCharsets.UTF_8);
			int status = response.statusCode();
			if (status < 200 || status > 299) {
				throw new ToolTransportException("HTTP " + status + ": " + snippet(text),
						status >= 500 || status == 429);
			}
			return new TransportResult(decode(response, text), buffer.size());
		}
	}

	private Object decode(HttpResponse<?> response, String text) {
		boolean json = response.headers()
			.firstValue("Content-Type")
			.map((type) -> type.toLowerCase(Locale.ROOT).contains("json"))
			.orElse(false);
		if (!json || text.isBlank()) {
			return text;
		}
		try {
			// a body of JSON null is returned as its text
			return Objects.requireNonNullElse(this.json.decode(text), text);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolTransportException("the tool answered invalid JSON", false);
		}
	}

	private static String snippet(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		return (flat.length() <= ERROR_SNIPPET) ? flat : flat.substring(0, ERROR_SNIPPET) + "...";
	}

}
