package io.ruche.brain.configuration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.ruche.brain.model.Agent;
import io.ruche.kernel.model.TenantId;

/**
 * The agent lists of recently active tenants, so that listing agents (what an MCP client
 * does on connecting, the console's first page) is not a store read every time: it was a
 * fifth of an {@code agents_list} call's cost (docs/performance.md).
 * <p>
 * A tenant's list is dropped when a change of its configuration is committed on this
 * instance or announced by another one, and it is never older than {@link #MAX_AGE},
 * which bounds what a lost announcement could leave behind (the same second within which
 * a change reaches every instance). A list read while a change was announced is not kept,
 * so a read that began before a commit cannot outlive it. Written by hand rather than
 * with a cache library for that last rule, which is the whole of the logic.
 */
final class RecentAgentLists {

	/** The oldest a kept list can be. */
	static final Duration MAX_AGE = Duration.ofSeconds(1);

	private static final int MAX_TENANTS = 10_000;

	private record Entry(List<Agent> agents, Instant loaded) {
	}

	private final Map<TenantId, Entry> entries = new ConcurrentHashMap<>();

	// counts the changes announced; a read keeps its list only if none came during it
	private final AtomicLong changes = new AtomicLong();

	private final Clock clock;

	RecentAgentLists(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A tenant's agents, kept or read.
	 * @param tenant the tenant
	 * @param read reads the list from the store
	 * @return the agents
	 */
	List<Agent> list(TenantId tenant, Supplier<List<Agent>> read) {
		Instant now = this.clock.instant();
		Entry kept = this.entries.get(tenant);
		if (kept != null && now.isBefore(kept.loaded().plus(MAX_AGE))) {
			return kept.agents();
		}
		long seen = this.changes.get();
		Entry fresh = new Entry(List.copyOf(read.get()), now);
		if (this.entries.size() >= MAX_TENANTS) {
			this.entries.clear();
		}
		this.entries.put(tenant, fresh);
		// a change counted after the put is also removed after it (see forget)
		if (this.changes.get() != seen) {
			this.entries.remove(tenant, fresh);
		}
		return fresh.agents();
	}

	/**
	 * Drops a tenant's list: its configuration changed.
	 * @param tenant the tenant
	 */
	void forget(TenantId tenant) {
		this.changes.incrementAndGet();
		this.entries.remove(tenant);
	}

}
