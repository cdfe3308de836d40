package io.ruche.toolbox.sandbox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.RateLimits;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.sandbox.internal.DefaultToolRunner;
import io.ruche.toolbox.sandbox.internal.RunnerParts;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ToolRunner}. Activations, ledger, rate limits and audit log are
 * required; metrics default to none, policies to their defaults.
 */
public final class ToolRunnerBuilder {

	private final ToolCatalogStore catalog;

	private final SchemaValidator schemas;

	private final JsonCodec json;

	private final Map<ToolKind, ToolTransport> transports = new EnumMap<>(ToolKind.class);

	private @Nullable ToolActivationStore activations;

	private @Nullable InvocationLedger ledger;

	private @Nullable RateLimits rateLimits;

	private @Nullable AuditLog audit;

	private ToolMetrics metrics = ToolMetrics.NONE;

	private SandboxPolicy policy = SandboxPolicy.DEFAULTS;

	private Egress egress = Egress.create(EgressPolicy.DEFAULTS);

	private ActivationPolicy activation = ActivationPolicy.OPT_IN;

	private Clock clock = Clock.systemUTC();

	public ToolRunnerBuilder(ToolCatalogStore catalog, SchemaValidator schemas, JsonCodec json) {
		this.catalog = catalog;
		this.schemas = schemas;
		this.json = json;
	}

	public ToolRunnerBuilder activations(ToolActivationStore activations, ActivationPolicy activation) {
		this.activations = activations;
		this.activation = activation;
		return this;
	}

	public ToolRunnerBuilder ledger(InvocationLedger ledger) {
		this.ledger = ledger;
		return this;
	}

	public ToolRunnerBuilder rateLimits(RateLimits rateLimits) {
		this.rateLimits = rateLimits;
		return this;
	}

	public ToolRunnerBuilder audit(AuditLog audit) {
		this.audit = audit;
		return this;
	}

	public ToolRunnerBuilder metrics(ToolMetrics metrics) {
		this.metrics = metrics;
		return this;
	}

	public ToolRunnerBuilder transport(ToolKind kind, ToolTransport transport) {
		this.transports.put(kind, transport);
		return this;
	}

	public ToolRunnerBuilder policy(SandboxPolicy policy) {
		this.policy = policy;
		return this;
	}

	/**
	 * The egress check the runner applies before a call; the transports must share it, as
	 * they check again the address they connect to.
	 * @param egress the egress check
	 * @return this builder
	 */
	public ToolRunnerBuilder egress(Egress egress) {
		this.egress = egress;
		return this;
	}

	public ToolRunnerBuilder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Builds the runner.
	 * @return the runner, thread-safe
	 * @throws NullPointerException when a required port is missing
	 */
	public ToolRunner build() {
		return new DefaultToolRunner(
				new RunnerParts(this.catalog, Objects.requireNonNull(this.activations, "activations are required"),
						Objects.requireNonNull(this.ledger, "an invocation ledger is required"),
						Objects.requireNonNull(this.rateLimits, "rate limits are required"),
						Objects.requireNonNull(this.audit, "an audit log is required"), this.metrics, this.schemas,
						this.json, this.transports, this.policy, this.egress, this.activation, this.clock));
	}

}
