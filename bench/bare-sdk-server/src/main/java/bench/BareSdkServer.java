package bench;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * A bare MCP SDK server: Streamable HTTP servlet transport on embedded Tomcat with one echo tool.
 */
public final class BareSdkServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.mcpEndpoint("/mcp")
			.build();
		McpSchema.Tool echo = McpSchema.Tool
			.builder("echo", Map.of("type", "object", "properties", Map.of("message", Map.of("type", "string"))))
			.description("Echoes the message")
			.build();
		McpServer.sync(transport)
			.serverInfo("bare", "1")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(List.of(SyncToolSpecification.builder()
				.tool(echo)
				.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
					.addTextContent("Echo: " + request.arguments().get("message"))
					.build())
				.build()))
			.immediateExecution(true)
			.build();
		Tomcat tomcat = new Tomcat();
		tomcat.setPort(port);
		tomcat.getConnector();
		Context context = tomcat.addContext("", null);
		Wrapper wrapper = Tomcat.addServlet(context, "mcp", transport);
		wrapper.setAsyncSupported(true);
		context.addServletMappingDecoded("/mcp", "mcp");
		tomcat.start();
		tomcat.getServer().await();
	}

}
