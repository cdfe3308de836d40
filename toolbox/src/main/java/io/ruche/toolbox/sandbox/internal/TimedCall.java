package io.ruche.toolbox.sandbox.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ruche.toolbox.egress.EgressRefusedException;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolFailure.Rejected;
import io.ruche.toolbox.model.ToolFailure.SandboxTimeout;
import io.ruche.toolbox.model.ToolFailure.ToolCrashed;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.TransportResult;
import io.ruche.toolbox.port.TransportTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one transport call on a virtual thread and abandons it at the deadline: the thread
 * is interrupted so that the transport releases its connection.
 */
final class TimedCall {

	private static final Logger logger = LoggerFactory.getLogger(TimedCall.class);

	private final ExecutorService executor;

	private final long maxResponseBytes;

	TimedCall(ExecutorService executor, long maxResponseBytes) {
		this.executor = executor;
		this.maxResponseBytes = maxResponseBytes;
	}

	CallResult run(ToolTransport transport, ToolDefinition tool, Map<String, Object> arguments, Duration timeout) {
		Future<TransportResult> future = this.executor.submit(() -> transport.call(tool, arguments, timeout));
		try {
			return checkSize(tool, future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return CallResult.failed(new SandboxTimeout(tool.name(), timeout.toMillis()), false);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			return CallResult.failed(new ToolCrashed(tool.name(), "call interrupted"), false);
		}
		catch (ExecutionException ex) {
			return failure(tool, timeout, (ex.getCause() != null) ? ex.getCause() : ex);
		}
	}

	private CallResult checkSize(ToolDefinition tool, TransportResult result) {
		if (result.bytes() > this.maxResponseBytes) {
			return CallResult.failed(new Rejected(tool.name(), Reason.RESPONSE_TOO_LARGE,
					"the answer exceeded " + this.maxResponseBytes + " bytes and was dropped"), false);
		}
		return CallResult.success(result.output());
	}

	private static CallResult failure(ToolDefinition tool, Duration timeout, Throwable cause) {
		if (cause instanceof EgressRefusedException refused) {
			return CallResult
				.failed(new Rejected(tool.name(), Reason.EGRESS_REFUSED, String.valueOf(refused.getMessage())), false);
		}
		if (cause instanceof TransportTimeoutException) {
			return CallResult.failed(new SandboxTimeout(tool.name(), timeout.toMillis()), false);
		}
		if (cause instanceof ToolTransportException transportFailure) {
			return CallResult.failed(new ToolCrashed(tool.name(), String.valueOf(transportFailure.getMessage())),
					transportFailure.isTransient());
		}
		// an unexpected bug in a transport: keep details in the log, not in the answer
		logger.warn("Tool {} of tenant {} failed unexpectedly", tool.name(), tool.tenant(), cause);
		return CallResult.failed(new ToolCrashed(tool.name(), "the tool failed: " + cause.getClass().getSimpleName()),
				false);
	}

}
