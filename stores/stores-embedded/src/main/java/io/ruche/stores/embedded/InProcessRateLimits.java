package io.ruche.stores.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.port.RateLimits;

/**
 * A token bucket per key and limit, refilled continuously: {@code permits} tokens per
 * {@code period}, at most {@code permits} saved up.
 */
final class InProcessRateLimits implements RateLimits {

	private static final int SWEEP_THRESHOLD = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	@Override
	public boolean tryAcquire(String key, long permits, Duration period) {
		if (permits < 1 || period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("a limit needs at least 1 permit over a positive period");
		}
		long now = System.nanoTime();
		if (this.buckets.size() > SWEEP_THRESHOLD) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		Bucket bucket = this.buckets.computeIfAbsent(key + "|" + permits + "|" + period.toNanos(),
				(k) -> new Bucket(permits, period.toNanos(), now));
		return bucket.tryTake(now);
	}

	/** A bucket refilled in proportion to the time elapsed since its last use. */
	private static final class Bucket {

		private final long capacity;

		private final long periodNanos;

		private double tokens;

		private long refilledAt;

		Bucket(long capacity, long periodNanos, long now) {
			this.capacity = capacity;
			this.periodNanos = periodNanos;
			this.tokens = capacity;
			this.refilledAt = now;
		}

		synchronized boolean tryTake(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized boolean isFull(long now) {
			refill(now);
			return this.tokens >= this.capacity;
		}

		private void refill(long now) {
			double added = (double) (now - this.refilledAt) * this.capacity / this.periodNanos;
			this.tokens = Math.min(this.capacity, this.tokens + added);
			this.refilledAt = now;
		}

	}

}
