package io.ruche.toolbox.sandbox.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.ruche.kernel.model.Ids;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolFailure.InvalidArguments;
import io.ruche.toolbox.model.ToolFailure.RateLimited;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolFailure.Rejected;
import io.ruche.toolbox.model.ToolFailure.ToolCrashed;
import io.ruche.toolbox.model.ToolFailure.UnknownTool;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.sandbox.ConfirmationCallback;
import io.ruche.toolbox.sandbox.ConfirmationCallback.ConfirmationRequest;
import io.ruche.toolbox.sandbox.InvocationRequest;
import org.jspecify.annotations.Nullable;

/**
 * The sandboxed runner. Checks run cheapest first and nothing reaches the tool before the
 * arguments, activation, egress, limits and confirmation have passed and the start of the
 * call is audited.
 */
public final class DefaultToolRunner implements ToolRunner {

	private final RunnerParts parts;

	private final AdmissionLimits limits;

	private final Resilience resilience;

	private final ArgumentDigest digests;

	private final ExactlyOnce exactlyOnce;

	private final InvocationRecorder recorder;

	private final TimedCall timedCall;

	public DefaultToolRunner(RunnerParts parts) {
		this.parts = parts;
		this.limits = new AdmissionLimits(parts.rateLimits(), parts.policy());
		this.resilience = new Resilience(parts.policy());
		this.digests = new ArgumentDigest(parts.json());
		this.exactlyOnce = new ExactlyOnce(parts.ledger(), new RecordedOutcomes(parts.json()), parts.clock());
		this.recorder = new InvocationRecorder(parts.audit(), parts.metrics(), parts.clock());
		// one virtual thread per call: an abandoned call is interrupted without pinning a
		// pool
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		this.timedCall = new TimedCall(executor, parts.policy().maxResponseBytes());
	}

	@Override
	public ToolOutcome invoke(InvocationRequest request) {
		long start = System.nanoTime();
		String digest = this.digests.of(request.arguments());
		String callId = Ids.newId("call");
		CallResult result = run(request, digest, callId);
		long durationMs = (System.nanoTime() - start) / 1_000_000;
		ToolOutcome outcome = switch (result) {
			case CallResult.Succeeded succeeded ->
				new ToolOutcome.Completed(request.toolName(), succeeded.output(), durationMs);
			case CallResult.Failed failed -> new ToolOutcome.Failed(failed.failure(), durationMs);
		};
		this.recorder.record(request, digest, callId, outcome, durationMs);
		return outcome;
	}

	private CallResult run(InvocationRequest request, String digest, String callId) {
		String name = request.toolName();
		Optional<ToolDefinition> found = this.parts.catalog().find(request.tenant(), name);
		if (found.isEmpty()) {
			return refuse(new UnknownTool(name, "no tool named '" + name + "' in this tenant"));
		}
		ToolDefinition tool = found.get();
		ToolTransport transport = this.parts.transports().get(tool.kind());
		if (ImportedTools.isServerRegistration(tool) || transport == null) {
			return refuse(new UnknownTool(name,
					"'" + name + "' cannot be invoked"
							+ (ImportedTools.isServerRegistration(tool) ? ": it registers an MCP server, call its tools"
									: ": no transport for kind " + tool.kind().wireName())));
		}
		List<String> problems = this.parts.schemas().validate(tool.inputSchema(), request.arguments());
		if (!problems.isEmpty()) {
			return refuse(new InvalidArguments(name, problems));
		}
		if (request.agentId() != null && !this.parts.activation()
			.isEnabled(this.parts.activations().list(request.tenant(), request.agentId()), name)) {
			return refuse(new Rejected(name, Reason.NOT_ENABLED,
					"tool '" + name + "' is not enabled for agent '" + request.agentId() + "'"));
		}
		// checked again by the transport on the address it connects to; refusing here
		// spares the limits and the person asked to confirm
		Optional<String> egressRefusal = (tool.kind() == ToolKind.BUILTIN) ? Optional.empty()
				: this.parts.egress().check(tool.tenant(), tool.target());
		if (egressRefusal.isPresent()) {
			return refuse(new Rejected(name, Reason.EGRESS_REFUSED, egressRefusal.get()));
		}
		String key = exactlyOnceKey(tool, request);
		if (key != null) {
			Optional<CallResult> previous = this.exactlyOnce.previous(request.tenant(), name, key, digest);
			if (previous.isPresent()) {
				return previous.get();
			}
		}
		Optional<ToolFailure> limited = this.limits.admit(request);
		if (limited.isPresent()) {
			return refuse(limited.get());
		}
		Optional<ToolFailure> unconfirmed = confirm(tool, request);
		if (unconfirmed.isPresent()) {
			return refuse(unconfirmed.get());
		}
		if (!this.recorder.started(request, digest, callId)) {
			return refuse(new Rejected(name, Reason.AUDIT_UNAVAILABLE,
					"'" + name + "' was not run: the audit record of the call could not be written; retry shortly"));
		}
		return withinBulkhead(tool, transport, request, key, digest);
	}

	private CallResult withinBulkhead(ToolDefinition tool, ToolTransport transport, InvocationRequest request,
			@Nullable String key, String digest) {
		Bulkhead bulkhead = this.resilience.bulkhead(request.tenant());
		if (!bulkhead.tryAcquirePermission()) {
			return refuse(new RateLimited(tool.name(), "tenant_concurrency"));
		}
		try {
			Duration timeout = timeout(tool);
			Supplier<CallResult> attempt = () -> this.resilience.throughBreaker(request.tenant(), tool.name(),
					() -> this.timedCall.run(transport, tool, request.arguments(), timeout));
			if (tool.execution().sideEffect() == SideEffect.IRREVERSIBLE) {
				// never retried; with a key, recorded in the ledger around the single
				// call
				return (key != null) ? this.exactlyOnce.run(request.tenant(), tool.name(), key, digest, attempt)
						: attempt.get();
			}
			return validateOutput(tool, this.resilience.withRetry(request.tenant(), tool.name(), attempt));
		}
		finally {
			bulkhead.onComplete();
		}
	}

	private Optional<ToolFailure> confirm(ToolDefinition tool, InvocationRequest request) {
		if (!tool.execution().requiresConfirmation()) {
			return Optional.empty();
		}
		ConfirmationCallback callback = request.confirmation();
		if (callback == null) {
			return Optional.of(new Rejected(tool.name(), Reason.CONFIRMATION_REFUSED,
					"tool '" + tool.name() + "' requires confirmation and this client cannot be asked"));
		}
		String prompt = "Run '" + tool.name() + "' (" + tool.description() + ")?";
		boolean confirmed;
		try {
			confirmed = callback.confirm(new ConfirmationRequest(tool.name(), request.arguments(), prompt));
		}
		catch (RuntimeException ex) {
			confirmed = false;
		}
		return confirmed ? Optional.empty() : Optional.of(new Rejected(tool.name(), Reason.CONFIRMATION_REFUSED,
				"the call of '" + tool.name() + "' was refused"));
	}

	private CallResult validateOutput(ToolDefinition tool, CallResult result) {
		if (!(result instanceof CallResult.Succeeded succeeded) || tool.outputSchema() == null) {
			return result;
		}
		List<String> problems = this.parts.schemas().validate(tool.outputSchema(), succeeded.output());
		return problems.isEmpty() ? result : CallResult.failed(
				new ToolCrashed(tool.name(), "the output does not match output_schema: " + String.join("; ", problems)),
				false);
	}

	private Duration timeout(ToolDefinition tool) {
		Duration wanted = Duration.ofMillis(tool.execution().timeoutMs());
		Duration cap = this.parts.policy().timeoutCap();
		return (wanted.compareTo(cap) <= 0) ? wanted : cap;
	}

	private static @Nullable String exactlyOnceKey(ToolDefinition tool, InvocationRequest request) {
		return (tool.execution().sideEffect() == SideEffect.IRREVERSIBLE) ? request.idempotencyKey() : null;
	}

	private static CallResult refuse(ToolFailure failure) {
		return CallResult.failed(failure, false);
	}

}
