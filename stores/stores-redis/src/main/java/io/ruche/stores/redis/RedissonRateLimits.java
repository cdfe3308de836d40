package io.ruche.stores.redis;

import java.time.Duration;

import io.ruche.kernel.port.RateLimits;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * A Redisson rate limiter per key and limit, shared by every instance. The limit is part
 * of the limiter's name so that a changed limit takes effect at once; idle limiters
 * expire.
 */
final class RedissonRateLimits implements RateLimits {

	private static final Duration MIN_KEEP_ALIVE = Duration.ofSeconds(10);

	private final RedissonClient redisson;

	private final String keyPrefix;

	RedissonRateLimits(RedissonClient redisson, String keyPrefix) {
		this.redisson = redisson;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public boolean tryAcquire(String key, long permits, Duration period) {
		if (permits < 1 || period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("a limit needs at least 1 permit over a positive period");
		}
		RRateLimiter limiter = this.redisson
			.getRateLimiter(this.keyPrefix + "rate:" + key + ":" + permits + "/" + period.toMillis() + "ms");
		Duration keepAlive = period.multipliedBy(2);
		try {
			// Cheap when already set; re-creates the limiter after it expired while idle.
			limiter.trySetRate(RateType.OVERALL, permits, period,
					(keepAlive.compareTo(MIN_KEEP_ALIVE) < 0) ? MIN_KEEP_ALIVE : keepAlive);
			return limiter.tryAcquire();
		}
		catch (RedisException ex) {
			throw RedisFailures.unavailable("rate limit", ex);
		}
	}

}
