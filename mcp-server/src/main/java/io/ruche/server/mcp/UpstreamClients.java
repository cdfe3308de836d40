package io.ruche.server.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Builds MCP SDK sync clients for upstream servers over Streamable HTTP: no redirects, a
 * bounded response size, and the decrypted secret headers on every HTTP request (the SSE
 * stream's GET included).
 */
final class UpstreamClients {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final McpJsonMapper jsonMapper;

	private final String clientVersion;

	private final int maxResponseBytes;

	UpstreamClients(McpJsonMapper jsonMapper, String clientVersion, long maxResponseBytes) {
		this.jsonMapper = jsonMapper;
		this.clientVersion = clientVersion;
		this.maxResponseBytes = (int) Math.min(Integer.MAX_VALUE, Math.max(1024, maxResponseBytes));
	}

	McpClient.SyncSpec client(String target, Map<String, String> headers, Duration requestTimeout,
			Duration initializationTimeout) {
		URI uri = URI.create(target);
		String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			endpoint += "?" + uri.getRawQuery();
		}
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base(target))
			.endpoint(endpoint)
			.jsonMapper(this.jsonMapper)
			.connectTimeout(CONNECT_TIMEOUT)
			.maxResponseSize(this.maxResponseBytes)
			.customizeClient((builder) -> builder.followRedirects(HttpClient.Redirect.NEVER))
			.addHttpRequestCustomizer((builder, method, endpointUri, body, context) -> headers.forEach(builder::header))
			.build();
		return McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-toolbox", this.clientVersion).build())
			.requestTimeout(requestTimeout)
			.initializationTimeout(initializationTimeout);
	}

	static String base(String target) {
		URI uri = URI.create(target);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

}
