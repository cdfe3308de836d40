package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The transport of one of Ruche's MCP servers, delivering each notification only to the
 * sessions it concerns. The SDK notifies in two ways: broadcasts ({@code list_changed})
 * to every session of a server, and resource updates to each session subscribed to a URI.
 * The server of a pinned agent serves one tenant and one agent, so its broadcasts are
 * scoped by construction; the shared server serves every tenant, so it refuses them
 * (Ruche notifies its sessions one by one, per tenant, with {@link #notifySession}). A
 * resource update reaches a session only when {@link #tenantScoped tagged} with that
 * session's tenant, because a subscription names only a URI and agents of different
 * tenants share names.
 */
final class ScopedTransport implements McpStreamableServerTransportProvider {

	/** The {@code _meta} key of the tenant of a resource update; never sent. */
	private static final String TENANT_META = "io.ruche/tenant";

	private final HttpServletStreamableServerTransportProvider delegate;

	private final boolean sharedByTenants;

	private final Function<String, Optional<TenantId>> tenantOfSession;

	/**
	 * @param delegate the SDK's Streamable HTTP transport
	 * @param sharedByTenants whether sessions of several tenants use it
	 * @param tenantOfSession the tenant of a session, by the SDK's session id
	 */
	ScopedTransport(HttpServletStreamableServerTransportProvider delegate, boolean sharedByTenants,
			Function<String, Optional<TenantId>> tenantOfSession) {
		this.delegate = delegate;
		this.sharedByTenants = sharedByTenants;
		this.tenantOfSession = tenantOfSession;
	}

	/**
	 * A resource update for the sessions of one tenant.
	 * @param tenant the tenant whose resource changed
	 * @param uri the resource
	 * @return the notification to give the server
	 */
	static ResourcesUpdatedNotification tenantScoped(TenantId tenant, String uri) {
		return new ResourcesUpdatedNotification(uri, Map.of(TENANT_META, tenant.value()));
	}

	/**
	 * The servlet that serves this transport's HTTP requests.
	 * @return the SDK's transport
	 */
	HttpServletStreamableServerTransportProvider servlet() {
		return this.delegate;
	}

	/**
	 * Sends a notification without parameters to one session. A session with no open
	 * stream cannot be told; it sees the change when it next asks.
	 * @param sdkId the SDK's session id
	 * @param method the notification method
	 */
	void notifySession(String sdkId, String method) {
		this.delegate.notifyClient(sdkId, method, null).onErrorComplete().block();
	}

	@Override
	public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
		this.delegate.setSessionFactory(sessionFactory);
	}

	@Override
	public Mono<Void> notifyClients(String method, @Nullable Object params) {
		if (this.sharedByTenants) {
			return Mono.error(new IllegalStateException(
					"'" + method + "' would reach every tenant's sessions: notify the sessions of one tenant"));
		}
		return this.delegate.notifyClients(method, params);
	}

	@Override
	public Mono<Void> notifyClient(String sessionId, String method, @Nullable Object params) {
		if (params instanceof ResourcesUpdatedNotification update) {
			return forTenantOfSession(sessionId, update);
		}
		return this.delegate.notifyClient(sessionId, method, params);
	}

	private Mono<Void> forTenantOfSession(String sessionId, ResourcesUpdatedNotification update) {
		Map<String, Object> meta = update.meta();
		Object tenant = (meta != null) ? meta.get(TENANT_META) : null;
		boolean sameTenant = tenant != null
				&& this.tenantOfSession.apply(sessionId).map((t) -> t.value().equals(tenant)).orElse(false);
		if (!sameTenant) {
			return Mono.empty();
		}
		return this.delegate.notifyClient(sessionId, McpSchema.METHOD_NOTIFICATION_RESOURCES_UPDATED,
				new ResourcesUpdatedNotification(update.uri(), null));
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

}
