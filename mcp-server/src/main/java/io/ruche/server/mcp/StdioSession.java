package io.ruche.server.mcp;

import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The one session of the stdio transport, which acts for one key and so hears only its
 * tenant's changes.
 */
public final class StdioSession implements McpNotifier.TenantSessions {

	private final McpSyncServer server;

	private final Supplier<@Nullable Principal> principal;

	/**
	 * @param server the stdio server
	 * @param principal who the session acts as
	 */
	public StdioSession(McpSyncServer server, Supplier<@Nullable Principal> principal) {
		this.server = server;
		this.principal = principal;
	}

	@Override
	public void resourcesListChanged(TenantId tenant) {
		if (actsFor(tenant)) {
			this.server.notifyResourcesListChanged();
		}
	}

	@Override
	public void resourceUpdated(TenantId tenant, String uri) {
		if (actsFor(tenant)) {
			this.server.notifyResourcesUpdated(new ResourcesUpdatedNotification(uri, null));
		}
	}

	private boolean actsFor(TenantId tenant) {
		Principal current = this.principal.get();
		return current != null && current.tenant().equals(tenant);
	}

}
