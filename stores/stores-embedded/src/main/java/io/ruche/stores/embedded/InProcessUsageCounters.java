package io.ruche.stores.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.brain.port.UsageCounters;

/**
 * The budgets' counters of one process: a count per key and window, in memory.
 */
final class InProcessUsageCounters implements UsageCounters {

	private static final int SWEEP_THRESHOLD = 10_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	@Override
	public Usage tryAdd(String key, long amount, long limit, Duration window) {
		if (amount < 1 || limit < 1) {
			throw new IllegalArgumentException("a counted amount and its limit must be at least 1");
		}
		return update(key, amount, limit, window);
	}

	@Override
	public Usage add(String key, long amount, Duration window) {
		return update(key, amount, Long.MAX_VALUE, window);
	}

	@Override
	public Usage read(String key) {
		long now = System.nanoTime();
		Window open = this.windows.get(key);
		if (open == null || open.endedAt(now)) {
			return new Usage(true, 0, Duration.ZERO);
		}
		return open.usage(true, now);
	}

	private Usage update(String key, long amount, long limit, Duration window) {
		if (window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("a window must be positive");
		}
		long now = System.nanoTime();
		if (this.windows.size() > SWEEP_THRESHOLD) {
			this.windows.values().removeIf((open) -> open.endedAt(now));
		}
		Usage[] result = new Usage[1];
		this.windows.compute(key, (k, open) -> {
			Window current = (open == null || open.endedAt(now)) ? new Window(now + window.toNanos(), 0) : open;
			boolean fits = current.used + amount <= limit;
			Window next = fits ? new Window(current.endsAt, current.used + amount) : current;
			result[0] = next.usage(fits, now);
			return next;
		});
		return result[0];
	}

	/** A count and when its window ends, on the {@link System#nanoTime()} scale. */
	private record Window(long endsAt, long used) {

		boolean endedAt(long now) {
			return now - this.endsAt >= 0;
		}

		Usage usage(boolean added, long now) {
			return new Usage(added, this.used, Duration.ofNanos(this.endsAt - now));
		}

	}

}
