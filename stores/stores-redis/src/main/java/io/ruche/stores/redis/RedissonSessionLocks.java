package io.ruche.stores.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.port.SessionLocks;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fair Redisson lock per session, {@code <prefix><tenant>:session:<id>:lock}; its lease
 * is renewed by Redisson's watchdog while the holder lives, and expires if it dies.
 */
final class RedissonSessionLocks implements SessionLocks {

	private static final Logger logger = LoggerFactory.getLogger(RedissonSessionLocks.class);

	private final RedissonClient redisson;

	private final String keyPrefix;

	RedissonSessionLocks(RedissonClient redisson, String keyPrefix) {
		this.redisson = redisson;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public <T> T withLock(TenantId tenant, String sessionId, Duration wait, Supplier<T> work) {
		// Fair: waiting turns of a session take the lock in the order they asked for it.
		RLock lock = this.redisson.getFairLock(this.keyPrefix + tenant.value() + ":session:" + sessionId + ":lock");
		boolean acquired;
		try {
			acquired = lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SessionBusyException(sessionId);
		}
		catch (RedisException ex) {
			throw RedisFailures.unavailable("session lock", ex);
		}
		if (!acquired) {
			throw new SessionBusyException(sessionId);
		}
		try {
			return work.get();
		}
		finally {
			try {
				lock.unlock();
			}
			catch (RuntimeException ex) {
				// The lease expired or Redis went away: the lock frees itself on expiry.
				logger.warn("Could not release the lock of session {}", sessionId, ex);
			}
		}
	}

}
