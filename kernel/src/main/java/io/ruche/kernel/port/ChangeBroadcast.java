package io.ruche.kernel.port;

import java.util.function.Consumer;

import io.ruche.kernel.model.TenantId;

/**
 * Tells every instance that a tenant's configuration changed, so that caches are
 * invalidated everywhere and MCP clients are notified whichever instance they are
 * connected to.
 */
public interface ChangeBroadcast {

	/**
	 * Publishes a change to every instance, this one included.
	 * @param change what changed
	 */
	void publish(ConfigurationChanged change);

	/**
	 * Registers a listener called for every change published by any instance.
	 * @param listener the listener; it must not block
	 */
	void subscribe(Consumer<ConfigurationChanged> listener);

	/**
	 * A change of configuration.
	 *
	 * @param tenant the tenant
	 * @param agentId the agent whose configuration changed, or {@code *} for tenant-wide
	 * changes (tools)
	 * @param kind what changed: {@code agent}, {@code rule}, {@code scenario},
	 * {@code tool}, {@code session}
	 * @param objectId the id of the changed object
	 */
	record ConfigurationChanged(TenantId tenant, String agentId, String kind, String objectId) {
	}

}
