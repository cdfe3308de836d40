package io.ruche.toolbox.sandbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.model.ToolFailure.Reason;
import io.ruche.toolbox.model.ToolFailure.Rejected;
import io.ruche.toolbox.port.InvocationLedger;

/**
 * Runs an irreversible call at most once per idempotency key, across instances and
 * restarts: the intent is recorded before the call, the outcome after it.
 */
final class ExactlyOnce {

	static final String STARTED = "started";

	private final InvocationLedger ledger;

	private final RecordedOutcomes outcomes;

	private final Clock clock;

	ExactlyOnce(InvocationLedger ledger, RecordedOutcomes outcomes, Clock clock) {
		this.ledger = ledger;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/** The outcome of an earlier call with this key, if there was one. */
	Optional<CallResult> previous(TenantId tenant, String toolName, String key, String digest) {
		return this.ledger.find(tenant, toolName, key).map((entry) -> replay(entry, digest));
	}

	/**
	 * Records the intent and runs the call, unless another caller got there first.
	 * @return the call's result, or the earlier outcome when the key was taken meanwhile
	 */
	CallResult run(TenantId tenant, String toolName, String key, String digest, Supplier<CallResult> call) {
		LedgerEntry intent = new LedgerEntry(tenant, toolName, key, digest, STARTED, null, Instant.now(this.clock),
				null);
		if (!this.ledger.begin(intent)) {
			return previous(tenant, toolName, key, digest).orElseGet(() -> unknown(toolName));
		}
		CallResult result = call.get();
		this.ledger.finish(tenant, toolName, key, (result instanceof CallResult.Succeeded) ? "completed" : "failed",
				this.outcomes.encode(result));
		return result;
	}

	private CallResult replay(LedgerEntry entry, String digest) {
		if (!entry.argumentsDigest().equals(digest)) {
			return CallResult.failed(
					new Rejected(entry.toolName(), Reason.ALREADY_RAN,
							"idempotency key '" + entry.idempotencyKey() + "' was already used with other arguments"),
					false);
		}
		String recorded = entry.outcomeJson();
		if (STARTED.equals(entry.state()) || recorded == null) {
			return unknown(entry.toolName());
		}
		return this.outcomes.decode(entry.toolName(), recorded);
	}

	private static CallResult unknown(String toolName) {
		return CallResult
			.failed(new Rejected(toolName, Reason.ALREADY_RAN, "already started, outcome unknown: not re-run"), false);
	}

}
