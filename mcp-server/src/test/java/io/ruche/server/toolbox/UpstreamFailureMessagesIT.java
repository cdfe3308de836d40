package io.ruche.server.toolbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.security.BannerServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 (hole 1): with loopback allowed, as on a single machine, a connection failure
 * still reads the same whatever listens on the port: nothing, a service that answers a
 * banner, or one that resets the connection. Before, the errors said "Connection
 * refused", "Invalid status line: <the banner>" and "Connection reset": a port scanner.
 */
class UpstreamFailureMessagesIT extends ToolboxItSupport {

	@Test
	void anUnreachableMcpServerReadsTheSameWhateverListensOnItsPort() throws IOException {
		McpSyncClient client = client();

		List<Object> errors = probeEachKindOfPort((port) -> {
			CallToolResult result = call(client, "tool_register",
					Map.of("tool", Map.of("name", "probe" + port, "description", "A port", "kind", "mcp", "target",
							"http://127.0.0.1:" + port + "/mcp", "side_effect", "pure")));
			assertThat(result.isError()).isTrue();
			return text(result).replace(String.valueOf(port), "PORT");
		});

		assertThat(errors).containsOnly("Invalid input: tool not registered: cannot list the tools of "
				+ "http://127.0.0.1:PORT/mcp: upstream MCP server at http://127.0.0.1:PORT cannot be reached");
	}

	@Test
	void anUnreachableHttpToolReadsTheSameWhateverListensOnItsPort() throws IOException {
		McpSyncClient client = client();

		List<Object> messages = probeEachKindOfPort((port) -> {
			register(client,
					Map.of("name", "http_probe" + port, "description", "A port", "kind", "http", "target",
							"http://127.0.0.1:" + port + "/", "side_effect", "irreversible", "input_schema",
							Map.of("type", "object")));
			return invoke(client, Map.of("name", "http_probe" + port, "arguments", Map.of())).get("message");
		});

		assertThat(messages).containsOnly("cannot reach the tool");
	}

	// a closed port, a non-HTTP banner, a reset
	private static List<Object> probeEachKindOfPort(IntFunction<Object> probe) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		try (BannerServer banner = new BannerServer(); BannerServer resetting = BannerServer.resetting()) {
			return List.of(probe.apply(closed), probe.apply(banner.port()), probe.apply(resetting.port()));
		}
	}

}
