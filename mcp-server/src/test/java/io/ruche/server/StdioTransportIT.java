package io.ruche.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar exactly as the contract says,
 * {@code java -jar mcp-server/target/ruche.jar stdio}, and talks MCP to it over
 * stdin/stdout with the SDK's stdio client: stdout must carry only the protocol.
 */
class StdioTransportIT {

	@Test
	void servesMcpOverStdioAsTheBootstrapAdmin() throws Exception {
		Path jar = Path.of("target/ruche.jar");
		assertThat(jar).as("the packaged server (failsafe runs after package)").exists();
		Path dataDir = Files.createTempDirectory("ruche-stdio");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ServerParameters server = ServerParameters.builder(java)
			.args("-jar", jar.toAbsolutePath().toString(), "stdio")
			.env(Map.of("RUCHE_DATA_DIR", dataDir.toString()))
			.build();
		McpSyncClient client = McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
			.requestTimeout(Duration.ofSeconds(60))
			.initializationTimeout(Duration.ofSeconds(120))
			.build();
		try {
			McpSchema.InitializeResult initialized = client.initialize();
			List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
			CallToolResult created = client.callTool(
					CallToolRequest.builder("agent_upsert").arguments(Map.of("name", "desk", "persona", "Hi")).build());
			CallToolResult listed = client.callTool(CallToolRequest.builder("agents_list").arguments(Map.of()).build());
			// embeds the condition with the local model as the packaged jar loads it
			CallToolResult rule = client.callTool(CallToolRequest.builder("rule_upsert")
				.arguments(Map.of("agent", "desk", "rule",
						Map.of("name", "refunds", "condition", "The customer asks about a refund", "action",
								"Explain the refund policy")))
				.build());
			CallToolResult found = client.callTool(CallToolRequest.builder("rules_search")
				.arguments(Map.of("agent", "desk", "query", "when do I get my money back"))
				.build());

			assertThat(initialized.serverInfo().name()).isEqualTo("ruche");
			assertThat(tools).contains("converse", "guidance", "enforce", "rule_upsert", "tools_search", "tool_invoke");
			assertThat(created.isError()).isFalse();
			assertThat(listed.structuredContent().toString()).contains("desk");
			assertThat(rule.isError()).as("rule_upsert: %s", rule.content()).isFalse();
			assertThat(found.structuredContent().toString()).contains("refunds");
		}
		finally {
			client.closeGracefully();
		}
	}

}
