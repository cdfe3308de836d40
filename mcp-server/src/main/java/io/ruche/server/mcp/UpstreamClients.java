package io.ruche.server.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.egress.TargetUrls;

/**
 * Builds MCP SDK sync clients for upstream servers over Streamable HTTP: every connection
 * through the call's checked egress route (which follows no redirects), a bounded
 * response size, and the decrypted secret headers on every HTTP request (the SSE stream's
 * GET included).
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

	McpClient.SyncSpec client(EgressRoute route, Map<String, String> headers, Duration requestTimeout,
			Duration initializationTimeout) {
		URI uri = URI.create(route.target());
		String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			endpoint += "?" + uri.getRawQuery();
		}
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base(route.target()))
			.endpoint(endpoint)
			.jsonMapper(this.jsonMapper)
			.connectTimeout(CONNECT_TIMEOUT)
			.maxResponseSize(this.maxResponseBytes)
			.customizeClient(route::configure)
			.addHttpRequestCustomizer((builder, method, endpointUri, body, context) -> headers.forEach(builder::header))
			.build();
		return McpClient.sync(transport)
			.clientInfo(McpSchema.Implementation.builder("ruche-toolbox", this.clientVersion).build())
			.requestTimeout(requestTimeout)
			.initializationTimeout(initializationTimeout);
	}

	/**
	 * The server's origin, as shown in errors and logs (never with user-info).
	 * @param target the server URL
	 * @return {@code scheme://host[:port]}
	 */
	static String base(String target) {
		URI uri = URI.create(TargetUrls.redact(target));
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/**
	 * Why a connection failed, in terms that reveal nothing of the upstream's bytes: a
	 * refused, reset or silent port all read "cannot be reached", so that the answer is
	 * no port scanner; the upstream's refusal of the secret headers keeps its status.
	 * @param target the server URL
	 * @param failure what the SDK threw
	 * @return the message
	 */
	static String unreachable(String target, Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof McpHttpClientTransportAuthorizationException refused) {
				return "upstream MCP server at " + base(target) + " refused the credentials (HTTP "
						+ refused.getResponseInfo().statusCode() + ")";
			}
		}
		return "upstream MCP server at " + base(target) + " cannot be reached";
	}

}
