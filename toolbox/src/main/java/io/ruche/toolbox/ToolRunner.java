package io.ruche.toolbox;

import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.sandbox.RunnerDependencies;
import io.ruche.toolbox.sandbox.SandboxPolicy;
import io.ruche.toolbox.sandbox.internal.DefaultToolRunner;
import io.ruche.toolbox.sandbox.internal.RunnerParts;

/**
 * Runs tools in the sandbox: arguments validated first, then activation, egress, rate
 * limits and quota, confirmation, tenant concurrency, circuit breaker, timeout, response
 * size cap, bounded retries (pure and idempotent tools only) and at-most-once execution
 * of irreversible tools per idempotency key. Every call is audited: one that reaches its
 * tool is recorded before it runs, and does not run when that record cannot be written
 * (status {@code rejected}, reason {@code audit_unavailable}).
 */
public interface ToolRunner {

	/**
	 * Runs one tool call; blocks until it ends or times out (call it from a virtual
	 * thread when many run at once).
	 * @param request the call, must not be null
	 * @return the outcome, never null; expected failures are {@link ToolOutcome.Failed}
	 * values
	 * @throws io.ruche.kernel.store.StoreException when the catalog, activations or
	 * ledger cannot be read or written
	 */
	ToolOutcome invoke(InvocationRequest request);

	/**
	 * Creates a runner.
	 * @param dependencies the stores, transports and services it uses
	 * @param policy the sandbox's limits
	 * @param activation whether tools must be enabled for an agent before its turns and
	 * clients may run them
	 * @return the runner
	 */
	static ToolRunner create(RunnerDependencies dependencies, SandboxPolicy policy, ActivationPolicy activation) {
		RunnerDependencies d = dependencies;
		return new DefaultToolRunner(
				new RunnerParts(d.catalog(), d.activations(), d.ledger(), d.rateLimits(), d.audit(), d.metrics(),
						d.schemas(), d.json(), d.transports(), policy, d.egress(), activation, d.clock()));
	}

}
