package io.ruche.server.mcp;

import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.UpstreamWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-lived MCP SDK sync clients over Streamable HTTP, one per listened registration.
 * After {@code initialize} the SDK transport opens the session's SSE stream (GET), on
 * which the server sends {@code notifications/tools/list_changed}; the SDK then lists the
 * tools and calls the client's tools-change consumer, which only signals the change: the
 * registry lists and imports again itself. The SDK does not reopen a stream the server
 * closed, so liveness is checked with pings and a lost session is replaced by a new
 * client.
 */
public final class McpUpstreamWatch implements UpstreamWatch {

	private static final Logger logger = LoggerFactory.getLogger(McpUpstreamWatch.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final UpstreamClients clients;

	public McpUpstreamWatch(McpJsonMapper jsonMapper, String clientVersion, long maxResponseBytes) {
		this.clients = new UpstreamClients(jsonMapper, clientVersion, maxResponseBytes);
	}

	@Override
	public Connection open(EgressRoute route, Map<String, String> headers, Runnable onToolsChanged) {
		McpSyncClient client = this.clients.client(route, headers, TIMEOUT, TIMEOUT)
			.toolsChangeConsumer((tools) -> onToolsChanged.run())
			.build();
		try {
			client.initialize();
			return new SdkConnection(client);
		}
		catch (RuntimeException ex) {
			close(client);
			logger.debug("Upstream MCP server at {} failed", UpstreamClients.base(route.target()), ex);
			throw new ToolTransportException(UpstreamClients.unreachable(route.target(), ex), true);
		}
	}

	private static void close(McpSyncClient client) {
		try {
			// also ends the session on the server (DELETE), without waiting for it
			client.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Closing an upstream MCP client failed: {}", ex.getMessage());
		}
	}

	private record SdkConnection(McpSyncClient client) implements Connection {

		@Override
		public boolean alive() {
			try {
				this.client.ping();
				return true;
			}
			catch (RuntimeException ex) {
				logger.debug("Ping of an upstream MCP server failed", ex);
				return false;
			}
		}

		@Override
		public void close() {
			McpUpstreamWatch.close(this.client);
		}

	}

}
