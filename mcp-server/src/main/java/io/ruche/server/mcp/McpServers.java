package io.ruche.server.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.mcp.PinnedServers.Acquisition;
import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ruche's MCP servers behind the HTTP endpoint and their sessions. One server is shared
 * by the sessions not pinned to an agent; each pinned agent has one of its own, because
 * the SDK lists one set of tools per server and a pinned session also sees its agent's
 * tools. Those are bounded per tenant and released when unused. Every session is bound to
 * the key that opened it, and every notification goes only to the sessions of the tenant
 * (and, for tools, of the pinned agent) it concerns.
 */
public final class McpServers implements McpNotifier.TenantSessions {

	private static final Logger log = LoggerFactory.getLogger(McpServers.class);

	private final McpServerFactory factory;

	private final AgentTools agentTools;

	private final Supplier<HttpServletStreamableServerTransportProvider.Builder> transports;

	private final BoundSessions sessions;

	private final Served shared;

	private final PinnedServers pinned;

	private final ScheduledExecutorService sweeper;

	/**
	 * Builds the shared server, which accepts sessions at once, and starts releasing
	 * unused sessions and servers.
	 * @param factory builds the servers
	 * @param agentTools the tools of pinned agents
	 * @param transports transport builders with the endpoint's shared settings
	 * @param limits the limits of sessions and pinned servers
	 */
	public McpServers(McpServerFactory factory, AgentTools agentTools,
			Supplier<HttpServletStreamableServerTransportProvider.Builder> transports, SessionLimits limits) {
		this.factory = factory;
		this.agentTools = agentTools;
		this.transports = transports;
		this.sessions = new BoundSessions(limits.sessionIdleTimeout());
		// the SDK's own sweep frees what it holds for expired sessions of the shared
		// server
		this.shared = serve(transports.get().sessionSweepInterval(limits.sessionIdleTimeout()), true, List.of());
		this.pinned = new PinnedServers(limits.pinnedAgentsPerTenant(), limits.pinnedServerIdleTimeout().toNanos(),
				(pin) -> serve(pinnedTransport(), false, agentTools.specifications(pin.tenant(), pin.agentId())));
		this.sweeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ruche-mcp-session-sweeper").factory());
		long period = limits.sweepPeriod().toMillis();
		this.sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
	}

	// The SDK sweeps each transport's sessions on a thread of its own that closing the
	// server does not stop: pinned servers rely on the registry and on their release
	// instead, so that they cost no thread.
	private HttpServletStreamableServerTransportProvider.Builder pinnedTransport() {
		return this.transports.get().sessionSweepInterval(null);
	}

	private Served serve(HttpServletStreamableServerTransportProvider.Builder builder, boolean sharedByTenants,
			List<SyncToolSpecification> extraTools) {
		ScopedTransport transport = new ScopedTransport(builder.build(), sharedByTenants, this.sessions::tenantOf);
		return new Served(transport, this.factory.create(transport, extraTools));
	}

	Served shared() {
		return this.shared;
	}

	Acquisition acquire(PinnedAgent pin) {
		return this.pinned.acquire(pin, System.nanoTime());
	}

	/**
	 * The server of a session, when it still exists.
	 */
	Optional<Served> serverOf(BoundSession session) {
		PinnedAgent pin = session.pin();
		return (pin != null) ? this.pinned.get(pin) : Optional.of(this.shared);
	}

	BoundSession bind(String sdkId, Principal owner, @Nullable PinnedAgent pin, @Nullable String pinnedAs) {
		return this.sessions.bind(sdkId, owner, pin, pinnedAs, System.nanoTime());
	}

	Optional<BoundSession> find(String publicId, Principal caller) {
		return this.sessions.find(publicId, caller);
	}

	void end(BoundSession session) {
		this.sessions.end(session);
	}

	/**
	 * How many MCP servers run: the shared one and those of pinned agents.
	 * @return the count
	 */
	public int serverCount() {
		return 1 + this.pinned.size();
	}

	/**
	 * How many sessions are open.
	 * @return the count
	 */
	public int sessionCount() {
		return this.sessions.size();
	}

	@Override
	public void resourcesListChanged(TenantId tenant) {
		for (BoundSession session : this.sessions.ofTenant(tenant)) {
			serverOf(session).ifPresent((served) -> served.transport()
				.notifySession(session.sdkId(), McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED));
		}
	}

	@Override
	public void resourceUpdated(TenantId tenant, String uri) {
		McpSchema.ResourcesUpdatedNotification update = ScopedTransport.tenantScoped(tenant, uri);
		this.shared.server().notifyResourcesUpdated(update);
		this.pinned.ofTenant(tenant)
			.forEach((pin) -> this.pinned.get(pin)
				.ifPresent((served) -> served.server().notifyResourcesUpdated(update)));
	}

	/**
	 * Brings the tools of every agent of a tenant that sessions are pinned to up to date,
	 * leaving Ruche's own tools alone; the SDK tells the sessions of each changed server
	 * with {@code notifications/tools/list_changed}.
	 * @param tenant the tenant whose tools changed
	 */
	public void refreshAgentTools(TenantId tenant) {
		for (PinnedAgent pin : this.pinned.ofTenant(tenant)) {
			this.pinned.get(pin).ifPresent((served) -> refresh(pin, served.server()));
		}
	}

	private void refresh(PinnedAgent pin, McpSyncServer server) {
		List<SyncToolSpecification> current = this.agentTools.specifications(pin.tenant(), pin.agentId());
		Set<McpSchema.Tool> wanted = current.stream().map(SyncToolSpecification::tool).collect(Collectors.toSet());
		Set<String> own = this.factory.ownToolNames();
		// removed and changed (re-registered) tools go; Ruche's own tools stay
		server.listTools()
			.stream()
			.filter((tool) -> !own.contains(tool.name()) && !wanted.contains(tool))
			.map(McpSchema.Tool::name)
			.forEach(server::removeTool);
		Set<String> present = server.listTools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
		current.stream()
			.filter((s) -> !present.contains(s.tool().name()) && !own.contains(s.tool().name()))
			.forEach(server::addTool);
	}

	private void sweep() {
		try {
			long now = System.nanoTime();
			this.sessions.endIdle(now);
			this.pinned.releaseIdle(this.sessions.pins(), now);
		}
		catch (RuntimeException ex) {
			log.warn("Could not release unused MCP sessions and servers: {}", ex.getMessage());
		}
	}

	/**
	 * Stops the sweep and closes every server with its sessions and open streams.
	 */
	public void close() {
		this.sweeper.shutdownNow();
		this.shared.server().closeGracefully();
		this.pinned.all().forEach((served) -> served.server().closeGracefully());
	}

	/**
	 * The limits of sessions and of the servers of pinned agents.
	 *
	 * @param sessionIdleTimeout how long a session with no request and no open stream
	 * lives
	 * @param pinnedAgentsPerTenant the most agents of one tenant with a server at once
	 * @param pinnedServerIdleTimeout how long a pinned agent's server stays after its
	 * last session ended
	 */
	public record SessionLimits(Duration sessionIdleTimeout, int pinnedAgentsPerTenant,
			Duration pinnedServerIdleTimeout) {

		public SessionLimits {
			if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero() || pinnedServerIdleTimeout.isNegative()
					|| pinnedServerIdleTimeout.isZero() || pinnedAgentsPerTenant < 1) {
				throw new IllegalArgumentException("MCP session limits must be positive: " + sessionIdleTimeout + ", "
						+ pinnedAgentsPerTenant + ", " + pinnedServerIdleTimeout);
			}
		}

		/**
		 * How often unused sessions and servers are looked for: often enough that they go
		 * within half their timeout.
		 * @return the period
		 */
		Duration sweepPeriod() {
			Duration shortest = (this.sessionIdleTimeout.compareTo(this.pinnedServerIdleTimeout) < 0)
					? this.sessionIdleTimeout : this.pinnedServerIdleTimeout;
			return Duration.ofMillis(Math.max(1, shortest.dividedBy(2).toMillis()));
		}

	}

}
