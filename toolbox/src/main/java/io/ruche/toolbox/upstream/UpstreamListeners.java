package io.ruche.toolbox.upstream;

import java.util.Set;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.upstream.internal.DefaultUpstreamListeners;

/**
 * Keeps one session open to every registered upstream MCP server (all tenants) and
 * re-syncs a registration, as {@code tool_resync} does, when its server sends
 * {@code notifications/tools/list_changed}, and after every (re)connection to catch up
 * with what changed while nobody listened. Listening starts for the registrations found
 * at {@link #start()} and for every later registration announced on the change broadcast,
 * by any instance; it stops when the registration is removed. A lost session is reopened
 * with exponential back-off.
 */
public interface UpstreamListeners extends AutoCloseable {

	/** Starts listening to every registration in the catalog; returns at once. */
	void start();

	/**
	 * The registrations of a tenant whose server is connected right now.
	 * @param tenant the tenant
	 * @return their names
	 */
	Set<String> connected(TenantId tenant);

	/** Closes every session; the listeners do nothing afterwards. */
	@Override
	void close();

	/**
	 * Creates the listeners.
	 * @param dependencies the ports they use
	 * @param settings debounce, ping and reconnection timing
	 * @return the listeners, thread-safe, not started
	 */
	static UpstreamListeners create(ListenerDependencies dependencies, ListenSettings settings) {
		return new DefaultUpstreamListeners(dependencies, settings);
	}

}
