package io.ruche.server.brain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.ruche.brain.InterlocutorData;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.TenantStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic privacy round: purges the turns older than each tenant's
 * {@code retention_days}, and, while previous keys are configured, re-seals values sealed
 * under them. Every instance checks four times per interval; the {@link RateLimits} port
 * (one permit per interval, in process on the embedded backend, a Redisson rate limiter
 * shared by every instance with Redis) lets one round run per interval across the cluster
 * (docs/privacy.md, Retention).
 */
public final class PrivacyMaintenance implements AutoCloseable {

	static final String KEY = "privacy-maintenance";

	private static final Logger log = LoggerFactory.getLogger(PrivacyMaintenance.class);

	private final TenantStore tenants;

	private final InterlocutorData data;

	private final RateLimits limits;

	private final Keyring keyring;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	public PrivacyMaintenance(TenantStore tenants, InterlocutorData data, RateLimits limits, Keyring keyring,
			Duration interval) {
		if (interval.toSeconds() < 1) {
			throw new IllegalArgumentException("platform.privacy.maintenance-interval must be at least 1s");
		}
		this.tenants = tenants;
		this.data = data;
		this.limits = limits;
		this.keyring = keyring;
		this.interval = interval;
	}

	/**
	 * Runs a round unless one ran, on any instance, within the interval.
	 * @return the round's counts, or null when another round holds the interval
	 */
	public @Nullable Round runIfDue() {
		if (!this.limits.tryAcquire(KEY, 1, this.interval)) {
			return null;
		}
		int purged = 0;
		int resealed = 0;
		for (Tenant tenant : this.tenants.list()) {
			try {
				int days = this.tenants.settings(tenant.id()).retentionDays();
				if (days > 0) {
					purged += this.data.purge(tenant.id(), days);
				}
				if (this.keyring.rotating()) {
					resealed += this.data.reseal(tenant.id());
				}
			}
			catch (RuntimeException ex) {
				log.warn("privacy round of tenant {} failed; the next round tries again", tenant.id(), ex);
			}
		}
		if (purged > 0 || resealed > 0) {
			log.info("privacy round: {} turn(s) purged, {} row(s) re-sealed", purged, resealed);
		}
		return new Round(purged, resealed);
	}

	/** Starts checking, four times per interval. */
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ruche-privacy");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.interval.toMillis() / 4);
		started.scheduleWithFixedDelay(this::runQuietly, period, period, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	private void runQuietly() {
		try {
			runIfDue();
		}
		catch (RuntimeException ex) {
			log.warn("privacy round failed; the next check tries again", ex);
		}
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	/**
	 * What a round did.
	 *
	 * @param purged turns purged
	 * @param resealed rows re-sealed
	 */
	public record Round(int purged, int resealed) {
	}

}
