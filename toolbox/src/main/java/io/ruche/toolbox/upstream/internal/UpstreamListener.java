package io.ruche.toolbox.upstream.internal;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ruche.kernel.model.Actor;
import io.ruche.toolbox.egress.EgressRefusedException;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.egress.TargetUrls;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.UpstreamWatch.Connection;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.upstream.ListenSettings;
import io.ruche.toolbox.upstream.ListenerDependencies;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session to one registration's server: connect, ping every interval, reconnect with
 * back-off when it is lost, and re-sync (debounced) on every change notification and
 * after every connection. Every connection attempt goes through the egress check; a
 * target the policy refuses is not connected to, nor tried again.
 */
final class UpstreamListener {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamListener.class);

	/** The audit actor of re-syncs the listener makes: the platform itself. */
	static final Actor ACTOR = new Actor("upstream-listener", null);

	private final ToolDefinition server;

	private final ListenerDependencies ports;

	private final ListenSettings settings;

	private final Scheduler scheduler;

	private final AtomicBoolean resyncPending = new AtomicBoolean();

	private volatile boolean stopped;

	private volatile @Nullable Session session;

	private volatile @Nullable Future<?> next;

	// touched only by the connect and check chain, which runs one step at a time
	private int failures;

	UpstreamListener(ToolDefinition server, ListenerDependencies ports, ListenSettings settings, Scheduler scheduler) {
		this.server = server;
		this.ports = ports;
		this.settings = settings;
		this.scheduler = scheduler;
	}

	/**
	 * Whether this listener serves that registration as it is now (same target, same
	 * secrets); re-syncs save the registration again without changing either.
	 */
	boolean listensTo(ToolDefinition registration) {
		return this.server.target().equals(registration.target())
				&& this.server.secrets().equals(registration.secrets());
	}

	boolean connected() {
		return this.session != null;
	}

	void start() {
		this.scheduler.now(this::connect);
	}

	void stop() {
		this.stopped = true;
		Future<?> scheduled = this.next;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
		disconnect();
	}

	private void connect() {
		if (this.stopped) {
			return;
		}
		EgressRoute route;
		try {
			route = this.ports.egress().open(this.server.tenant(), this.server.target());
		}
		catch (EgressRefusedException ex) {
			if (ex.isTransient()) {
				retryLater(ex.getMessage());
			}
			else {
				logger.warn("Not listening to the MCP server {} of tenant {}: {}", this.server.name(),
						this.server.tenant().value(), ex.getMessage());
			}
			return;
		}
		try {
			Connection opened = this.ports.watch()
				.open(route, this.ports.cipher().decryptAll(this.server.tenant(), this.server.secrets()),
						this::toolsChanged);
			this.session = new Session(opened, route);
		}
		catch (RuntimeException ex) {
			route.close();
			retryLater(ex.getMessage());
			return;
		}
		if (this.stopped) {
			disconnect();
			return;
		}
		logger.info("Listening to the MCP server {} of tenant {} at {}{}", this.server.name(),
				this.server.tenant().value(), TargetUrls.redact(this.server.target()),
				(this.failures > 0) ? " after " + this.failures + " failed attempts" : "");
		this.failures = 0;
		// catches up with whatever changed while nobody listened
		toolsChanged();
		this.next = this.scheduler.after(this.settings.pingInterval(), this::check);
	}

	private void retryLater(@Nullable String failure) {
		this.failures++;
		Duration delay = jittered(this.settings.reconnectDelay(this.failures));
		logger.warn("Cannot listen to the MCP server {} of tenant {} at {} (attempt {}): {}; next attempt in {} ms",
				this.server.name(), this.server.tenant().value(), TargetUrls.redact(this.server.target()),
				this.failures, failure, delay.toMillis());
		this.next = this.scheduler.after(delay, this::connect);
	}

	private void check() {
		Session current = this.session;
		if (this.stopped || current == null) {
			return;
		}
		if (current.connection().alive()) {
			this.next = this.scheduler.after(this.settings.pingInterval(), this::check);
			return;
		}
		logger.warn("Lost the session to the MCP server {} of tenant {} at {}; reconnecting", this.server.name(),
				this.server.tenant().value(), TargetUrls.redact(this.server.target()));
		disconnect();
		this.next = this.scheduler.after(jittered(this.settings.reconnectInitial()), this::connect);
	}

	private void disconnect() {
		Session current = this.session;
		this.session = null;
		if (current != null) {
			current.close();
		}
	}

	private void toolsChanged() {
		if (!this.stopped && this.resyncPending.compareAndSet(false, true)) {
			this.scheduler.after(this.settings.debounce(), this::resync);
		}
	}

	private void resync() {
		// cleared first: a notification arriving during this re-sync schedules another,
		// since this one may have listed the tools before that change
		this.resyncPending.set(false);
		if (this.stopped) {
			return;
		}
		try {
			RegistrationResult result = this.ports.registry().resync(this.server.tenant(), this.server.name(), ACTOR);
			switch (result) {
				case RegistrationResult.Registered registered ->
					logger.info("Re-synced the MCP server {} of tenant {}: {} tools, removed {}", this.server.name(),
							this.server.tenant().value(), registered.tools().size() - 1, registered.removed());
				case RegistrationResult.Refused refused ->
					logger.warn("Could not re-sync the MCP server {} of tenant {}: {}", this.server.name(),
							this.server.tenant().value(), refused.problems());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not re-sync the MCP server {} of tenant {}: {}", this.server.name(),
					this.server.tenant().value(), ex.getMessage());
		}
	}

	// spreads the attempts of many instances (and registrations) over time
	private static Duration jittered(Duration delay) {
		return delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 5 + 1));
	}

	/** An open session and the route it runs on, closed together. */
	private record Session(Connection connection, EgressRoute route) {

		void close() {
			this.connection.close();
			this.route.close();
		}

	}

}
