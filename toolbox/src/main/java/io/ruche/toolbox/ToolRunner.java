package io.ruche.toolbox;

import io.ruche.toolbox.model.ToolOutcome;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.sandbox.InvocationRequest;
import io.ruche.toolbox.sandbox.ToolRunnerBuilder;

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
	 * Starts building a runner.
	 * @param catalog the tenant catalogs
	 * @param schemas validates arguments
	 * @param json encodes ledger outcomes and argument digests
	 * @return the builder
	 */
	static ToolRunnerBuilder builder(ToolCatalogStore catalog, SchemaValidator schemas, JsonCodec json) {
		return new ToolRunnerBuilder(catalog, schemas, json);
	}

}
