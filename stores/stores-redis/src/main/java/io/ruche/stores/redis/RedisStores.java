package io.ruche.stores.redis;

import java.time.Duration;

import io.ruche.brain.port.UsageCounters;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * Factories of the Redis coordination adapters, every key under one prefix such as
 * {@code ruche:}.
 */
public final class RedisStores {

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "ruche:";

	/**
	 * How long a session lock outlives an instance that died holding it (killed, frozen,
	 * cut off): a live holder renews it every third of this. Shorter than a turn's wait
	 * for the lock (10 s), so that a turn retried on another instance right after a crash
	 * gets the lock instead of answering that the session is busy.
	 */
	public static final Duration LOCK_LEASE = Duration.ofSeconds(8);

	private RedisStores() {
	}

	/**
	 * A Redisson client of one Redis server. It connects lazily, so that an unreachable
	 * server fails the first operation (as a
	 * {@link io.ruche.kernel.store.StoreUnavailableException}) rather than the startup.
	 * @param host the host
	 * @param port the port
	 * @param password the password, or null
	 * @param database the database number
	 * @return the client; shut it down when done
	 */
	public static RedissonClient client(String host, int port, @Nullable String password, int database) {
		Config config = new Config();
		config.setLazyInitialization(true);
		config.setLockWatchdogTimeout(LOCK_LEASE.toMillis());
		SingleServerConfig server = config.useSingleServer()
			.setAddress("redis://" + host + ":" + port)
			.setDatabase(database)
			.setConnectTimeout(2000)
			.setTimeout(3000)
			.setRetryAttempts(2);
		if (password != null && !password.isEmpty()) {
			server.setPassword(password);
		}
		return Redisson.create(config);
	}

	public static SessionLocks sessionLocks(RedissonClient redisson, String keyPrefix) {
		return new RedissonSessionLocks(redisson, keyPrefix);
	}

	public static RateLimits rateLimits(RedissonClient redisson, String keyPrefix) {
		return new RedissonRateLimits(redisson, keyPrefix);
	}

	public static UsageCounters usageCounters(RedissonClient redisson, String keyPrefix) {
		return new RedissonUsageCounters(redisson, keyPrefix);
	}

	public static ChangeBroadcast changeBroadcast(RedissonClient redisson, String keyPrefix) {
		return new RedissonChangeBroadcast(redisson, keyPrefix);
	}

}
