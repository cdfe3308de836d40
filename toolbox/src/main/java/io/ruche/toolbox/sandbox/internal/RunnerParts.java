package io.ruche.toolbox.sandbox.internal;

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
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.sandbox.SandboxPolicy;

/** Everything the runner is built from, gathered by the public builder. */
public record RunnerParts(ToolCatalogStore catalog, ToolActivationStore activations, InvocationLedger ledger,
		RateLimits rateLimits, AuditLog audit, ToolMetrics metrics, SchemaValidator schemas, JsonCodec json,
		Map<ToolKind, ToolTransport> transports, SandboxPolicy policy, Egress egress, ActivationPolicy activation,
		Clock clock) {

	public RunnerParts {
		transports = Map.copyOf(transports);
	}

}
