package io.ruche.toolbox.sandbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.port.AuditLog;
import io.ruche.toolbox.model.ToolFailure.UnknownTool;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Audits and counts every invocation, whatever its outcome. */
final class InvocationRecorder {

	private static final Logger logger = LoggerFactory.getLogger(InvocationRecorder.class);

	private final AuditLog audit;

	private final ToolMetrics metrics;

	private final Clock clock;

	InvocationRecorder(AuditLog audit, ToolMetrics metrics, Clock clock) {
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	void record(InvocationRequest request, @Nullable String argumentsDigest, ToolOutcome outcome, long durationMs) {
		String status = outcome.status().wireName();
		Map<String, String> details = new LinkedHashMap<>();
		if (request.agentId() != null) {
			details.put("agent", request.agentId());
		}
		if (argumentsDigest != null) {
			details.put("arguments_sha256", argumentsDigest);
		}
		if (outcome instanceof ToolOutcome.Failed failed) {
			details.put("failure", failed.failure().getClass().getSimpleName());
		}
		try {
			this.audit.append(new AuditRecord(request.tenant(), Ids.newId("aud"), request.actor(), "tool.invoke",
					request.toolName(), request.sessionId(), status, durationMs, details, Instant.now(this.clock)));
		}
		catch (RuntimeException ex) {
			// the call already happened: losing its audit line must not turn it into a
			// failure
			logger.error("Cannot audit tool call {} of tenant {}", request.toolName(), request.tenant(), ex);
		}
		boolean unknown = outcome instanceof ToolOutcome.Failed failed && failed.failure() instanceof UnknownTool;
		this.metrics.recordCall(request.tenant(), unknown ? ToolMetrics.UNKNOWN_TOOL : request.toolName(), status,
				durationMs);
	}

}
