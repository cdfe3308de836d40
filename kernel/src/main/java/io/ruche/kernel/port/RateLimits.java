package io.ruche.kernel.port;

import java.time.Duration;

/**
 * Counts permits against named limits shared by every instance (rate limits and daily
 * quotas).
 */
public interface RateLimits {

	/**
	 * Takes one permit from the limit named {@code key}, which allows {@code permits} per
	 * {@code period}. Never blocks.
	 * @param key a tenant-qualified limit name such as {@code acme:tool:weather}
	 * @param permits the permits per period, at least 1
	 * @param period the period over which permits refill
	 * @return true when a permit was taken, false when the limit is reached
	 */
	boolean tryAcquire(String key, long permits, Duration period);

}
