package io.ruche.toolbox.sandbox.internal;

import java.time.Duration;
import java.util.Optional;

import io.ruche.kernel.port.RateLimits;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.RateLimited;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolFailure.Rejected;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.sandbox.SandboxPolicy;

/** Cluster-wide rates and the daily quota, taken through the kernel's RateLimits. */
final class AdmissionLimits {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final RateLimits limits;

	private final SandboxPolicy policy;

	AdmissionLimits(RateLimits limits, SandboxPolicy policy) {
		this.limits = limits;
		this.policy = policy;
	}

	Optional<ToolFailure> admit(InvocationRequest request) {
		String tenant = request.tenant().value();
		String tool = request.toolName();
		if (!this.limits.tryAcquire(tenant + ":tool-rate:" + tool, this.policy.toolCallsPerMinute(), MINUTE)) {
			return Optional.of(new RateLimited(tool, "tool_rate"));
		}
		if (!this.limits.tryAcquire(tenant + ":tenant-rate", this.policy.tenantCallsPerMinute(), MINUTE)) {
			return Optional.of(new RateLimited(tool, "tenant_rate"));
		}
		if (!this.limits.tryAcquire(tenant + ":daily-quota", this.policy.dailyQuota(), DAY)) {
			return Optional.of(new Rejected(tool, Reason.QUOTA_EXCEEDED,
					"daily quota of " + this.policy.dailyQuota() + " tool calls reached"));
		}
		return Optional.empty();
	}

}
