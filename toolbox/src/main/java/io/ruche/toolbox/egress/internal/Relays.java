package io.ruche.toolbox.egress.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.egress.EgressRoute;

/**
 * The open relays: one per tenant, target and set of checked addresses, shared by the
 * calls whose check found exactly that (their HTTP client and its kept-alive connections
 * with it), and closed once unused for a while. A check that finds other addresses gets
 * another relay; a tenant never gets another tenant's.
 */
final class Relays {

	private final Duration idle;

	// guarded by this
	private final Map<Key, Relay> open = new HashMap<>();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ruche-egress-relays").daemon(true).factory());

	Relays(Duration idle) {
		this.idle = idle;
	}

	/**
	 * Leases the relay of a checked target, opening it when needed.
	 * @param tenant the tenant the check was made for
	 * @param url the target URL
	 * @param target its parts
	 * @param addresses the checked addresses
	 * @return the route, to be closed by the caller
	 */
	EgressRoute lease(TenantId tenant, String url, EgressTarget target, List<InetAddress> addresses) {
		Key key = new Key(tenant, target, Set.copyOf(addresses));
		Relay relay;
		synchronized (this) {
			relay = this.open.get(key);
			if (relay == null || relay.isClosed()) {
				relay = Relay.start(target, addresses);
				this.open.put(key, relay);
			}
			relay.acquire();
		}
		Relay leased = relay;
		return new Lease(url, leased, () -> release(key, leased));
	}

	/**
	 * Whether a port is one of the relays' own.
	 * @param port a port of the loopback interface
	 * @return true when an open relay listens on it
	 */
	synchronized boolean isRelayPort(int port) {
		return this.open.values().stream().anyMatch((relay) -> relay.port() == port);
	}

	private void release(Key key, Relay relay) {
		relay.release();
		this.timer.schedule(() -> closeIfIdle(key, relay), this.idle.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void closeIfIdle(Key key, Relay relay) {
		synchronized (this) {
			if (!relay.idleFor(this.idle) || !this.open.remove(key, relay)) {
				return;
			}
		}
		relay.close();
	}

	private record Key(TenantId tenant, EgressTarget target, Set<InetAddress> addresses) {
	}

}
