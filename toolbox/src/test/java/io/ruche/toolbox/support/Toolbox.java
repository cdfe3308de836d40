package io.ruche.toolbox.support;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.egress.HostResolver;
import io.ruche.toolbox.model.SideEffect;
import io.ruche.toolbox.model.ToolDefinition.ExecutionPolicy;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.port.UpstreamTools;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.RegisterToolRequest;
import io.ruche.toolbox.registry.RegistrationResult;
import io.ruche.toolbox.registry.RegistryDependencies;
import io.ruche.toolbox.registry.ToolEndpoint;
import io.ruche.toolbox.sandbox.RunnerDependencies;
import io.ruche.toolbox.sandbox.SandboxPolicy;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.secret.SecretSettings;
import io.ruche.toolbox.transport.ToolTransports;

/** Wires a toolbox on in-memory fakes, the way the app wires it on real adapters. */
public final class Toolbox {

	/** The builder key that registers and enables tools in these tests. */
	public static final Actor ACTOR = Actor.key("key_builder", Role.BUILDER);

	/**
	 * Resolves {@code *.example.com} to a public address without DNS, everything else
	 * (address literals) as the JVM does.
	 */
	public static final HostResolver RESOLVER = (host) -> host.endsWith(".example.com")
			? List.of(InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }))
			: HostResolver.SYSTEM.resolve(host);

	public static final Map<String, Object> CITY_SCHEMA = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string")), "required", List.of("city"));

	public final InMemoryToolCatalogStore catalog = new InMemoryToolCatalogStore();

	public final InMemoryToolActivationStore activations = new InMemoryToolActivationStore();

	public final InMemoryInvocationLedger ledger = new InMemoryInvocationLedger();

	public final InMemoryRateLimits rateLimits = new InMemoryRateLimits();

	public final RecordingAuditLog audit = new RecordingAuditLog();

	public final RecordingBroadcast broadcast = new RecordingBroadcast();

	public final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();

	public final TestJson json = new TestJson();

	public final TestSchemas schemas = new TestSchemas();

	public final SecretCipher cipher = SecretCipher
		.aesGcm(SecretSettings.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));

	public final BuiltinTools builtins = BuiltinTools.standard(Clock.systemUTC());

	public final UpstreamTools upstream;

	public final ToolRegistry registry;

	public Toolbox(UpstreamTools upstream) {
		this.upstream = upstream;
		this.registry = ToolRegistry.create(new RegistryDependencies(this.catalog, this.activations, this.embeddings,
				this.schemas, upstream, this.cipher, this.broadcast, this.builtins, new DirectLocks(), this.audit,
				Egress.create(new EgressPolicy(Map.of(), true), RESOLVER)), ActivationPolicy.OPT_IN);
	}

	public Toolbox() {
		this(new FakeUpstreamTools());
	}

	public ToolRunner runner(SandboxPolicy policy) {
		return runner(policy, new EgressPolicy(Map.of(), true));
	}

	public ToolRunner runner(SandboxPolicy policy, EgressPolicy egressPolicy) {
		return runner(policy, egressPolicy, this.audit, ToolMetrics.NONE);
	}

	public ToolRunner runner(SandboxPolicy policy, EgressPolicy egressPolicy, AuditLog auditLog, ToolMetrics metrics) {
		Egress egress = Egress.create(egressPolicy, RESOLVER);
		return ToolRunner.create(new RunnerDependencies(this.catalog, this.activations, this.ledger, this.rateLimits,
				auditLog, metrics, this.schemas, this.json,
				Map.of(ToolKind.HTTP, ToolTransports.http(egress, this.json, this.cipher, policy.maxResponseBytes()),
						ToolKind.MCP, ToolTransports.mcp(this.upstream, this.cipher, egress), ToolKind.BUILTIN,
						ToolTransports.builtin(this.builtins, this.json)),
				egress, Clock.systemUTC()), policy, ActivationPolicy.OPT_IN);
	}

	public RegistrationResult registerHttp(TenantId tenant, String name, String url, SideEffect effect,
			long timeoutMs) {
		return this.registry.register(new RegisterToolRequest(tenant, name, "Calls " + name, CITY_SCHEMA, null,
				new ToolEndpoint(ToolKind.HTTP, url, Map.of()), new ExecutionPolicy(timeoutMs, effect, false), ACTOR));
	}

	public static SandboxPolicy policy(int tenantConcurrency, int retries) {
		SandboxPolicy d = SandboxPolicy.DEFAULTS;
		return new SandboxPolicy(d.timeoutCap(), d.maxResponseBytes(), 100_000, 100_000, 1_000_000, tenantConcurrency,
				new SandboxPolicy.Breaker(50, 100, Duration.ofSeconds(30)),
				new SandboxPolicy.Retry(retries, Duration.ofMillis(5)));
	}

}
