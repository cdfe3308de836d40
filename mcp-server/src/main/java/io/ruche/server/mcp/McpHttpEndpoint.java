package io.ruche.server.mcp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.server.mcp.PinnedServers.Acquisition;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.security.ProblemResponse;
import org.jspecify.annotations.Nullable;

/**
 * The Streamable HTTP endpoint at {@code /mcp}. A request that starts a session goes to
 * the shared server, or, when pinned to an agent of the caller's tenant
 * ({@code ?agent=NAME} or the {@code X-Ruche-Agent} header), to that agent's server; a
 * request on a session goes to the server of the session, and only when it comes with the
 * key that opened the session: for any other key the session does not exist (404).
 */
public final class McpHttpEndpoint extends HttpServlet {

	/** Where the endpoint is served. */
	public static final String PATH = "/mcp";

	public static final String AGENT_HEADER = "X-Ruche-Agent";

	private static final int TOO_MANY_REQUESTS = 429;

	/** The request attribute holding the agent a session is pinned to, as written. */
	private static final String PINNED_AS = "ruche.mcp.pinned-agent";

	private final transient McpServers servers;

	private final transient AgentConfiguration agents;

	public McpHttpEndpoint(McpServers servers, AgentConfiguration agents) {
		this.servers = servers;
		this.agents = agents;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (!(request.getAttribute(BearerAuthenticationFilter.PRINCIPAL) instanceof Principal caller)) {
			// the bearer filter guards /mcp; a request that got past it unauthenticated
			// is refused all the same
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		String sessionId = request.getHeader(HttpHeaders.MCP_SESSION_ID);
		if (sessionId == null) {
			start(request, response, caller);
		}
		else {
			resume(request, response, caller, sessionId);
		}
	}

	private void start(HttpServletRequest request, HttpServletResponse response, Principal caller)
			throws ServletException, IOException {
		String agent = pinnedAgent(request);
		if (agent == null) {
			serve(this.servers.shared(), request, response, caller, null, null);
			return;
		}
		Optional<String> agentId = agentId(caller, agent);
		if (agentId.isEmpty()) {
			ProblemResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "Unknown agent", "Unknown agent '" + agent
					+ "' in your tenant: create it (agent_upsert), or connect without ?agent= or X-Ruche-Agent.",
					Map.of("agent", agent));
			return;
		}
		PinnedAgent pin = new PinnedAgent(caller.tenant(), agentId.get());
		switch (this.servers.acquire(pin)) {
			case Acquisition.Granted granted -> serve(granted.served(), request, response, caller, pin, agent);
			case Acquisition.LimitReached full ->
				ProblemResponse.write(response, TOO_MANY_REQUESTS, "Too many pinned agents",
						"Your tenant already has sessions pinned to " + full.limit()
								+ " agents, the most allowed at once (platform.mcp.pinned-agents-per-tenant): end "
								+ "sessions pinned to other agents, or connect without ?agent=.",
						Map.of("limit", full.limit()));
		}
	}

	private void serve(Served served, HttpServletRequest request, HttpServletResponse response, Principal caller,
			@Nullable PinnedAgent pin, @Nullable String agent) throws ServletException, IOException {
		if (agent != null) {
			request.setAttribute(PINNED_AS, agent);
		}
		served.transport()
			.servlet()
			.service(request,
					new SessionResponse(response, (sdkId) -> this.servers.bind(sdkId, caller, pin, agent).publicId()));
	}

	private void resume(HttpServletRequest request, HttpServletResponse response, Principal caller, String sessionId)
			throws ServletException, IOException {
		Optional<BoundSession> found = this.servers.find(sessionId, caller);
		Optional<Served> served = found.flatMap(this.servers::serverOf);
		if (served.isEmpty()) {
			found.ifPresent(this.servers::end);
			ProblemResponse.write(response, HttpServletResponse.SC_NOT_FOUND, "Session not found",
					"Session not found: it ended, expired, or was opened with another key. Start a new session "
							+ "with initialize.",
					Map.of());
			return;
		}
		BoundSession session = found.get();
		String pinnedAs = session.pinnedAs();
		if (pinnedAs != null) {
			request.setAttribute(PINNED_AS, pinnedAs);
		}
		session.seen(System.nanoTime());
		served.get()
			.transport()
			.servlet()
			.service(new SessionRequest(request, session),
					"POST".equals(request.getMethod()) ? new CoalescedAnswerResponse(response) : response);
		session.seen(System.nanoTime());
		if ("DELETE".equals(request.getMethod()) || response.getStatus() == HttpServletResponse.SC_NOT_FOUND) {
			// ended by its client, or already gone from the SDK
			this.servers.end(session);
		}
	}

	private Optional<String> agentId(Principal caller, String agent) {
		try {
			return Optional.of(this.agents.agent(caller.tenant(), agent).id());
		}
		catch (UnknownObjectException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The transport context of a request: its caller and the agent its session is pinned
	 * to.
	 * @param request the request
	 * @return the context the tools read
	 */
	public static McpTransportContext context(HttpServletRequest request) {
		Map<String, Object> values = new HashMap<>(2);
		Object principal = request.getAttribute(BearerAuthenticationFilter.PRINCIPAL);
		if (principal != null) {
			values.put(ToolSpecifications.PRINCIPAL, principal);
		}
		Object agent = request.getAttribute(PINNED_AS);
		if (agent != null) {
			values.put(ToolSpecifications.PINNED_AGENT, agent);
		}
		return McpTransportContext.create(values);
	}

	/**
	 * Whether a request is for this endpoint, for the filters that it does not need.
	 * @param request the request
	 * @return true for an MCP request
	 */
	public static boolean isMcp(HttpServletRequest request) {
		return PATH.equals(request.getServletPath());
	}

	static @Nullable String pinnedAgent(HttpServletRequest request) {
		String agent = request.getParameter("agent");
		if (agent == null || agent.isBlank()) {
			agent = request.getHeader(AGENT_HEADER);
		}
		return (agent == null || agent.isBlank()) ? null : agent.trim();
	}

}
