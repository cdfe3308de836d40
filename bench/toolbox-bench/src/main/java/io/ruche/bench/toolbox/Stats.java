package io.ruche.bench.toolbox;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of latencies in nanoseconds, printed in milliseconds. */
final class Stats {

	private final long[] sorted;

	Stats(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	double percentileMs(double p) {
		int index = (int) Math.ceil(p / 100.0 * this.sorted.length) - 1;
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, index))] / 1e6;
	}

	double meanMs() {
		return Arrays.stream(this.sorted).average().orElse(0) / 1e6;
	}

	String line() {
		return String.format(Locale.ROOT, "n=%d p50=%.3f p95=%.3f p99=%.3f max=%.3f mean=%.3f ms", this.sorted.length,
				percentileMs(50), percentileMs(95), percentileMs(99), percentileMs(100), meanMs());
	}

}
