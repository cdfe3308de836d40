package io.ruche.toolbox.sandbox;

import java.time.Clock;
import java.util.Map;

import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.RateLimits;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.port.ToolTransport;

/**
 * What the tool runner needs from the rest of the platform.
 *
 * @param catalog the tenant catalogs
 * @param activations per-agent activations
 * @param ledger records irreversible calls, so each runs at most once per key
 * @param rateLimits the tenants' call quotas
 * @param audit records every call
 * @param metrics hears every call ({@link ToolMetrics#NONE} for none)
 * @param schemas validates arguments and outputs
 * @param json encodes ledger outcomes and argument digests
 * @param transports how each kind of tool is reached
 * @param egress checks and routes every outbound connection
 * @param clock the clock
 */
public record RunnerDependencies(ToolCatalogStore catalog, ToolActivationStore activations, InvocationLedger ledger,
		RateLimits rateLimits, AuditLog audit, ToolMetrics metrics, SchemaValidator schemas, JsonCodec json,
		Map<ToolKind, ToolTransport> transports, Egress egress, Clock clock) {

	public RunnerDependencies {
		transports = Map.copyOf(transports);
	}

}
