package io.ruche.server.mcp.conformance;

import java.time.Duration;

import jakarta.servlet.http.HttpServlet;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;

/**
 * The MCP server of the conformance fixtures, on its own Streamable HTTP transport. It
 * shares nothing with Ruche's own MCP servers but the transport settings it is given.
 */
public final class ConformanceEndpoint {

	/** Where the fixtures are served. */
	public static final String PATH = "/conformance/mcp";

	/**
	 * How long a tool waits for the client to answer a sampling or elicitation request.
	 */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final HttpServletStreamableServerTransportProvider transport;

	private final McpSyncServer server;

	/**
	 * Builds the server, which starts accepting sessions on the transport at once.
	 * @param transport the transport, answering on {@link #PATH}
	 * @param jsonMapper the JSON mapper (the transport's)
	 * @param version the version reported in {@code serverInfo}
	 */
	public ConformanceEndpoint(HttpServletStreamableServerTransportProvider transport, McpJsonMapper jsonMapper,
			String version) {
		ConformanceResources resources = new ConformanceResources(jsonMapper);
		this.transport = transport;
		this.server = McpServer.sync(transport)
			.serverInfo("ruche-conformance", version)
			.instructions("Fixtures of the MCP conformance suite; not Ruche's tools.")
			.jsonMapper(jsonMapper)
			.capabilities(ServerCapabilities.builder()
				.tools(true)
				.resources(true, true)
				.prompts(true)
				.completions()
				.logging()
				.build())
			.requestTimeout(REQUEST_TIMEOUT)
			.tools(ConformanceTools.all())
			.resources(resources.resources())
			.resourceTemplates(resources.templates())
			.prompts(ConformancePrompts.all())
			.completions(ConformancePrompts.completions())
			.build();
	}

	/**
	 * The servlet to register at {@link #PATH}.
	 * @return the transport servlet
	 */
	public HttpServlet servlet() {
		return this.transport;
	}

	/**
	 * Closes every session and its open streams.
	 */
	public void close() {
		this.server.closeGracefully();
	}

}
