package io.ruche.toolbox.sandbox.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolFailure.CircuitOpen;
import io.ruche.toolbox.sandbox.SandboxPolicy;

/** Per-instance Resilience4j guards: tenant bulkheads, per-tool breakers and retries. */
final class Resilience {

	private final BulkheadRegistry bulkheads;

	private final CircuitBreakerRegistry breakers;

	private final RetryConfig retryConfig;

	Resilience(SandboxPolicy policy) {
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(policy.tenantConcurrency())
			.maxWaitDuration(Duration.ZERO)
			.build());
		SandboxPolicy.Breaker breaker = policy.breaker();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRatePercent())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.slidingWindowSize(Math.max(20, breaker.minimumCalls()))
			.waitDurationInOpenState(breaker.openDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		this.retryConfig = RetryConfig.<CallResult>custom()
			.maxAttempts(policy.retry().maxAttempts())
			.waitDuration(policy.retry().pause())
			.retryOnResult((result) -> result.transientFailure())
			.build();
	}

	Bulkhead bulkhead(TenantId tenant) {
		return this.bulkheads.bulkhead(tenant.value());
	}

	/**
	 * Runs one attempt through the tool's breaker; an open breaker refuses without
	 * calling.
	 */
	CallResult throughBreaker(TenantId tenant, String toolName, Supplier<CallResult> attempt) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(tenant.value() + ":" + toolName);
		if (!breaker.tryAcquirePermission()) {
			return CallResult.failed(new CircuitOpen(toolName), false);
		}
		long start = System.nanoTime();
		CallResult result;
		try {
			result = attempt.get();
		}
		catch (RuntimeException ex) {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		if (result.healthFailure()) {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
					new IllegalStateException(String.valueOf(((CallResult.Failed) result).failure())));
		}
		else {
			breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		return result;
	}

	/**
	 * Retries transient failures, bounded by the policy; for pure and idempotent tools
	 * only.
	 */
	CallResult withRetry(TenantId tenant, String toolName, Supplier<CallResult> attempt) {
		return Retry.of(tenant.value() + ":" + toolName, this.retryConfig).executeSupplier(attempt);
	}

}
