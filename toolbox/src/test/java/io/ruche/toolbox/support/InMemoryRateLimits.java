package io.ruche.toolbox.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.ruche.kernel.port.RateLimits;

/** Fixed-window counters that never refill during a test. */
public final class InMemoryRateLimits implements RateLimits {

	private final Map<String, AtomicLong> taken = new ConcurrentHashMap<>();

	@Override
	public boolean tryAcquire(String key, long permits, Duration period) {
		AtomicLong counter = this.taken.computeIfAbsent(key, (k) -> new AtomicLong());
		return counter.getAndUpdate((n) -> (n < permits) ? n + 1 : n) < permits;
	}

}
