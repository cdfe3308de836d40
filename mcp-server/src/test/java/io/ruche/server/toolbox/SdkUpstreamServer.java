package io.ruche.server.toolbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * A real upstream MCP server for the tests: the MCP Java SDK's sync server over
 * Streamable HTTP on an embedded Tomcat at {@code http://127.0.0.1:<port>/mcp}, declaring
 * {@code tools.listChanged}. Adding or removing a tool sends
 * {@code notifications/tools/list_changed} to every open session.
 */
final class SdkUpstreamServer implements AutoCloseable {

	private final Tomcat tomcat;

	private final McpSyncServer server;

	private final int port;

	SdkUpstreamServer(int port, String... tools) {
		this.port = port;
		HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(McpJsonDefaults.getMapper())
			.mcpEndpoint("/mcp")
			.build();
		this.server = McpServer.sync(transport)
			.serverInfo("upstream-under-test", "1.0")
			.capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
			.build();
		for (String tool : tools) {
			this.server.addTool(tool(tool, "Tool " + tool + " of the upstream under test"));
		}
		this.tomcat = new Tomcat();
		try {
			String base = Files.createTempDirectory("sdk-upstream").toString();
			this.tomcat.setBaseDir(base);
			this.tomcat.setPort(port);
			Context context = this.tomcat.addContext("", base);
			Wrapper wrapper = context.createWrapper();
			wrapper.setName("mcp");
			wrapper.setServlet(transport);
			wrapper.setAsyncSupported(true);
			wrapper.setLoadOnStartup(1);
			context.addChild(wrapper);
			context.addServletMappingDecoded("/*", "mcp");
			this.tomcat.getConnector().setProperty("address", "127.0.0.1");
			this.tomcat.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("the upstream server did not start on port " + port, ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/mcp";
	}

	/** Adds or replaces a tool and tells every session. */
	void addTool(String name, String description) {
		this.server.addTool(tool(name, description));
	}

	/** Removes a tool and tells every session. */
	void removeTool(String name) {
		this.server.removeTool(name);
	}

	@Override
	public void close() {
		this.server.close();
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SyncToolSpecification tool(String name, String description) {
		Map<String, Object> input = Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")));
		return SyncToolSpecification.builder()
			.tool(Tool.builder(name, input).description(description).build())
			.callHandler((exchange, request) -> CallToolResult.builder().addTextContent(name + " ran").build())
			.build();
	}

}
