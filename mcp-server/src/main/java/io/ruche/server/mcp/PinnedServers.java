package io.ruche.server.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.ruche.kernel.model.TenantId;

/**
 * The MCP servers of pinned agents: created on first use, at most a set number per
 * tenant, and closed (with whatever the SDK still holds for them) once no session has
 * used them for the idle timeout.
 */
final class PinnedServers {

	private final Map<PinnedAgent, Entry> servers = new ConcurrentHashMap<>();

	private final int perTenant;

	private final long idleTimeoutNanos;

	private final Function<PinnedAgent, Served> create;

	/**
	 * @param perTenant the most agents of one tenant served at once
	 * @param idleTimeoutNanos how long a server stays without sessions
	 * @param create builds the server of a pinned agent
	 */
	PinnedServers(int perTenant, long idleTimeoutNanos, Function<PinnedAgent, Served> create) {
		this.perTenant = perTenant;
		this.idleTimeoutNanos = idleTimeoutNanos;
		this.create = create;
	}

	/**
	 * The server of a pinned agent, created when the tenant is under its limit.
	 * @param pin the pinned agent
	 * @param now the current {@link System#nanoTime()}
	 * @return the server, or the limit that refuses it
	 */
	synchronized Acquisition acquire(PinnedAgent pin, long now) {
		Entry entry = this.servers.get(pin);
		if (entry == null) {
			if (ofTenant(pin.tenant()).size() >= this.perTenant) {
				return new Acquisition.LimitReached(this.perTenant);
			}
			entry = new Entry(this.create.apply(pin), new AtomicLong());
			this.servers.put(pin, entry);
		}
		entry.lastBusy().set(now);
		return new Acquisition.Granted(entry.served());
	}

	Optional<Served> get(PinnedAgent pin) {
		return Optional.ofNullable(this.servers.get(pin)).map(Entry::served);
	}

	List<PinnedAgent> ofTenant(TenantId tenant) {
		return this.servers.keySet().stream().filter((pin) -> pin.tenant().equals(tenant)).toList();
	}

	List<Served> all() {
		return this.servers.values().stream().map(Entry::served).toList();
	}

	int size() {
		return this.servers.size();
	}

	/**
	 * Closes the servers no session has used for the idle timeout.
	 * @param inUse the agents that sessions are pinned to
	 * @param now the current {@link System#nanoTime()}
	 */
	void releaseIdle(Set<PinnedAgent> inUse, long now) {
		List<Served> released = new ArrayList<>();
		synchronized (this) {
			this.servers.entrySet().removeIf((e) -> {
				if (inUse.contains(e.getKey())) {
					e.getValue().lastBusy().set(now);
					return false;
				}
				boolean idle = now - e.getValue().lastBusy().get() >= this.idleTimeoutNanos;
				if (idle) {
					released.add(e.getValue().served());
				}
				return idle;
			});
		}
		// closing waits for the server's sessions to end: not under the lock
		released.forEach((served) -> served.server().closeGracefully());
	}

	/**
	 * What asking for a pinned agent's server gave.
	 */
	sealed interface Acquisition {

		/**
		 * The server.
		 *
		 * @param served the server
		 */
		record Granted(Served served) implements Acquisition {
		}

		/**
		 * The tenant already has as many pinned agents as allowed.
		 *
		 * @param limit the limit
		 */
		record LimitReached(int limit) implements Acquisition {
		}

	}

	private record Entry(Served served, AtomicLong lastBusy) {
	}

}
