package io.ruche.toolbox.sandbox;

import java.time.Duration;

/**
 * The limits the runner enforces. Rates and quotas are shared by every instance (kernel
 * {@code RateLimits}); concurrency and circuit breakers are per instance.
 *
 * @param timeoutCap the longest a call may take, whatever the tool asks (default 30 s)
 * @param maxResponseBytes the largest answer accepted (default 1 MiB)
 * @param tenantCallsPerMinute calls per tenant per minute (default 600)
 * @param toolCallsPerMinute calls per tenant and tool per minute (default 120)
 * @param dailyQuota calls per tenant per day (default 50,000)
 * @param tenantConcurrency calls of one tenant running at once on one instance (default
 * 16); more are refused at once, never queued
 * @param breaker when a tool's circuit opens
 * @param retry how pure and idempotent tools are retried
 */
public record SandboxPolicy(Duration timeoutCap, long maxResponseBytes, int tenantCallsPerMinute,
		int toolCallsPerMinute, int dailyQuota, int tenantConcurrency, Breaker breaker, Retry retry) {

	/** The defaults listed above. */
	public static final SandboxPolicy DEFAULTS = new SandboxPolicy(Duration.ofSeconds(30), 1024 * 1024, 600, 120,
			50_000, 16, Breaker.DEFAULTS, Retry.DEFAULTS);

	public SandboxPolicy {
		if (timeoutCap.isNegative() || timeoutCap.isZero()) {
			throw new IllegalArgumentException("timeoutCap must be positive");
		}
		if (maxResponseBytes < 1 || tenantCallsPerMinute < 1 || toolCallsPerMinute < 1 || dailyQuota < 1
				|| tenantConcurrency < 1) {
			throw new IllegalArgumentException("sandbox limits must be at least 1");
		}
	}

	/**
	 * Circuit breaker settings, per tenant and tool.
	 *
	 * @param failureRatePercent the failure rate that opens the circuit (default 50)
	 * @param minimumCalls calls recorded before the rate counts (default 10); the window
	 * is the last {@code max(20, minimumCalls)} calls
	 * @param openDuration how long the circuit stays open before a trial call (default 30
	 * s)
	 */
	public record Breaker(int failureRatePercent, int minimumCalls, Duration openDuration) {

		public static final Breaker DEFAULTS = new Breaker(50, 10, Duration.ofSeconds(30));

		public Breaker {
			if (failureRatePercent < 1 || failureRatePercent > 100 || minimumCalls < 1) {
				throw new IllegalArgumentException("failureRatePercent must be 1-100, minimumCalls at least 1");
			}
		}

	}

	/**
	 * Retry settings: only pure and idempotent tools, only after transient failures
	 * (unreachable target, HTTP 5xx or 429), never after a timeout.
	 *
	 * @param maxAttempts attempts in all, 1 to 5 (default 3)
	 * @param pause the pause between attempts (default 100 ms)
	 */
	public record Retry(int maxAttempts, Duration pause) {

		public static final Retry DEFAULTS = new Retry(3, Duration.ofMillis(100));

		public Retry {
			if (maxAttempts < 1 || maxAttempts > 5) {
				throw new IllegalArgumentException("maxAttempts must be 1-5");
			}
		}

	}

}
