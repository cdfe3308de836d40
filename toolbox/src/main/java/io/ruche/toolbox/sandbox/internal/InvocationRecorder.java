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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits and counts every invocation. A call that reaches its tool is audited twice, both
 * records sharing the detail {@code call}: {@code tool.invoke.start} before the tool runs
 * (no record, no run) and {@code tool.invoke} with the outcome once it ended. A call
 * refused before its tool ran gets the second record only.
 */
final class InvocationRecorder {

	static final String START = "tool.invoke.start";

	static final String END = "tool.invoke";

	private static final Logger logger = LoggerFactory.getLogger(InvocationRecorder.class);

	private final AuditLog audit;

	private final ToolMetrics metrics;

	private final Clock clock;

	InvocationRecorder(AuditLog audit, ToolMetrics metrics, Clock clock) {
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Writes the record that a call is about to run.
	 * @return false when it could not be written: then the call must not run
	 */
	boolean started(InvocationRequest request, String argumentsDigest, String callId) {
		try {
			this.audit.append(new AuditRecord(request.tenant(), Ids.newId("aud"), request.actor(), START,
					request.toolName(), request.sessionId(), "started", 0, details(request, argumentsDigest, callId),
					Instant.now(this.clock)));
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Cannot audit the start of tool call {} of tenant {}: not running it", request.toolName(),
					request.tenant(), ex);
			return false;
		}
	}

	void record(InvocationRequest request, String argumentsDigest, String callId, ToolOutcome outcome,
			long durationMs) {
		String status = outcome.status().wireName();
		Map<String, String> details = details(request, argumentsDigest, callId);
		if (outcome instanceof ToolOutcome.Failed failed) {
			details.put("failure", failed.failure().getClass().getSimpleName());
		}
		try {
			this.audit.append(new AuditRecord(request.tenant(), Ids.newId("aud"), request.actor(), END,
					request.toolName(), request.sessionId(), status, durationMs, details, Instant.now(this.clock)));
		}
		catch (RuntimeException ex) {
			// a call that ran has its start record already; losing the end must not turn
			// its outcome into a failure
			logger.error("Cannot audit the end of tool call {} of tenant {}", request.toolName(), request.tenant(), ex);
		}
		boolean unknown = outcome instanceof ToolOutcome.Failed failed && failed.failure() instanceof UnknownTool;
		this.metrics.recordCall(request.tenant(), unknown ? ToolMetrics.UNKNOWN_TOOL : request.toolName(), status,
				durationMs);
	}

	private static Map<String, String> details(InvocationRequest request, String argumentsDigest, String callId) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("call", callId);
		if (request.agentId() != null) {
			details.put("agent", request.agentId());
		}
		details.put("arguments_sha256", argumentsDigest);
		return details;
	}

}
