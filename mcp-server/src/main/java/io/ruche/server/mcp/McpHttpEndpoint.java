package io.ruche.server.mcp;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The Streamable HTTP endpoint at {@code /mcp}. Sessions pinned to an agent
 * ({@code ?agent=NAME} or the {@code X-Ruche-Agent} header) are served by a server of
 * their own, created on first use per tenant and agent, because the MCP SDK lists one set
 * of tools per server and a pinned session must also see its agent's tools.
 */
public final class McpHttpEndpoint extends HttpServlet {

	public static final String AGENT_HEADER = "X-Ruche-Agent";

	private final transient McpServerFactory factory;

	private final transient Supplier<HttpServletStreamableServerTransportProvider.Builder> transports;

	private final transient AgentTools agentTools;

	private final transient Served shared;

	private final transient Map<PinKey, Served> pinned = new ConcurrentHashMap<>();

	public McpHttpEndpoint(McpServerFactory factory,
			Supplier<HttpServletStreamableServerTransportProvider.Builder> transports, AgentTools agentTools) {
		this.factory = factory;
		this.transports = transports;
		this.agentTools = agentTools;
		this.shared = serve(null, List.of());
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		String agent = pinnedAgent(request);
		if (agent == null || !(request.getAttribute(BearerAuthenticationFilter.PRINCIPAL) instanceof Principal p)) {
			this.shared.transport().service(request, response);
			return;
		}
		PinKey key = new PinKey(p.tenant(), agent);
		this.pinned.computeIfAbsent(key, (k) -> serve(agent, this.agentTools.specifications(k.tenant(), k.agent())))
			.transport()
			.service(request, response);
	}

	private Served serve(@Nullable String agent, List<SyncToolSpecification> extraTools) {
		HttpServletStreamableServerTransportProvider transport = this.transports.get()
			.contextExtractor(McpHttpEndpoint::context)
			.build();
		return new Served(transport, this.factory.create(transport, extraTools));
	}

	private static McpTransportContext context(HttpServletRequest request) {
		Map<String, Object> values = new HashMap<>(2);
		Object principal = request.getAttribute(BearerAuthenticationFilter.PRINCIPAL);
		if (principal != null) {
			values.put(ToolSpecifications.PRINCIPAL, principal);
		}
		String agent = pinnedAgent(request);
		if (agent != null) {
			values.put(ToolSpecifications.PINNED_AGENT, agent);
		}
		return McpTransportContext.create(values);
	}

	static @Nullable String pinnedAgent(HttpServletRequest request) {
		String agent = request.getParameter("agent");
		if (agent == null || agent.isBlank()) {
			agent = request.getHeader(AGENT_HEADER);
		}
		return (agent == null || agent.isBlank()) ? null : agent.trim();
	}

	/**
	 * Every server currently serving sessions, for notifications.
	 * @return the servers
	 */
	public Collection<McpSyncServer> servers() {
		List<McpSyncServer> servers = new java.util.ArrayList<>();
		servers.add(this.shared.server());
		this.pinned.values().forEach((s) -> servers.add(s.server()));
		return servers;
	}

	/**
	 * Replaces the agent tools of the server pinned to one agent, leaving Ruche's own
	 * tools alone; the SDK sends {@code notifications/tools/list_changed} for each
	 * change.
	 * @param tenant the tenant
	 * @param agent the agent name as pinned
	 */
	public void refreshAgentTools(TenantId tenant, String agent) {
		Served served = this.pinned.get(new PinKey(tenant, agent));
		if (served == null) {
			return;
		}
		List<SyncToolSpecification> current = this.agentTools.specifications(tenant, agent);
		Set<McpSchema.Tool> wanted = current.stream().map(SyncToolSpecification::tool).collect(Collectors.toSet());
		McpSyncServer server = served.server();
		// removed and changed (re-registered) tools go; Ruche's own tools stay
		server.listTools()
			.stream()
			.filter((tool) -> !this.factory.ownToolNames().contains(tool.name()) && !wanted.contains(tool))
			.map(McpSchema.Tool::name)
			.forEach(server::removeTool);
		Set<String> present = server.listTools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
		current.stream()
			.filter((s) -> !present.contains(s.tool().name()) && !this.factory.ownToolNames().contains(s.tool().name()))
			.forEach(server::addTool);
	}

	/**
	 * Pins currently served, for notifications.
	 * @return the pins
	 */
	public Collection<PinKey> pins() {
		return List.copyOf(this.pinned.keySet());
	}

	@Override
	public void destroy() {
		servers().forEach(McpSyncServer::closeGracefully);
	}

	/**
	 * A tenant's agent, as pinned by sessions.
	 *
	 * @param tenant the tenant
	 * @param agent the agent name or id as the client wrote it
	 */
	public record PinKey(TenantId tenant, String agent) {
	}

	private record Served(HttpServletStreamableServerTransportProvider transport, McpSyncServer server) {
	}

}
