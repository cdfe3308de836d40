package io.ruche.server.config;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.ruche.adapters.JacksonJsonCodec;
import io.ruche.adapters.NetworkntSchemaValidator;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.port.ToolActivations;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.port.TenantStore;
import io.ruche.server.mcp.AgentTools;
import io.ruche.server.mcp.McpUpstreamTools;
import io.ruche.server.mcp.McpUpstreamWatch;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.mcp.ToolResources;
import io.ruche.server.mcp.ToolSpecifications;
import io.ruche.server.mcp.ToolboxAgentTools;
import io.ruche.server.mcp.ToolboxTools;
import io.ruche.server.toolbox.MicrometerToolMetrics;
import io.ruche.server.toolbox.ToolboxActivations;
import io.ruche.server.toolbox.ToolboxSecretKey;
import io.ruche.server.toolbox.ToolboxToolDirectory;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.ToolRunner;
import io.ruche.toolbox.ToolSearch;
import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.model.ToolKind;
import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.SchemaValidator;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.ToolMetrics;
import io.ruche.toolbox.port.UpstreamTools;
import io.ruche.toolbox.port.UpstreamWatch;
import io.ruche.toolbox.registry.ActivationPolicy;
import io.ruche.toolbox.registry.RegistryDependencies;
import io.ruche.toolbox.sandbox.RunnerDependencies;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.transport.ToolTransports;
import io.ruche.toolbox.upstream.ListenerDependencies;
import io.ruche.toolbox.upstream.UpstreamListeners;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Toolbox (registry, search, sandboxed runner) on the store ports of the
 * selected backend, its adapters, its MCP tools and resources, the tools of pinned
 * sessions, and the brain's tool ports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToolboxProperties.class)
public class ToolboxConfiguration {

	@Bean
	JsonCodec toolboxJsonCodec(JsonMapper jsonMapper) {
		return new JacksonJsonCodec(jsonMapper);
	}

	@Bean
	SchemaValidator toolboxSchemaValidator(JsonMapper jsonMapper) {
		return new NetworkntSchemaValidator(jsonMapper);
	}

	@Bean
	SecretCipher toolSecretCipher(ToolboxProperties toolbox, PlatformProperties platform) {
		return SecretCipher.aesGcm(ToolboxSecretKey.resolve(toolbox.secretKey(), platform.dataDir()));
	}

	/**
	 * The one egress check of every outbound connection (HTTP tools, upstream MCP
	 * servers), shared so that every route's relay is known to every check.
	 * @param toolbox the settings
	 * @return the egress check
	 */
	@Bean
	Egress egress(ToolboxProperties toolbox) {
		return Egress.create(toolbox.egressPolicy());
	}

	@Bean
	UpstreamTools upstreamTools(McpJsonMapper mcpJsonMapper, ToolboxProperties toolbox) {
		return new McpUpstreamTools(mcpJsonMapper, "ruche", toolbox.maxResponseBytes());
	}

	@Bean
	UpstreamWatch upstreamWatch(McpJsonMapper mcpJsonMapper, ToolboxProperties toolbox) {
		return new McpUpstreamWatch(mcpJsonMapper, "ruche", toolbox.maxResponseBytes());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "platform.toolbox.upstream-listen.enabled", matchIfMissing = true)
	UpstreamListeners upstreamListeners(ToolRegistry registry, ToolCatalogStore catalog, TenantStore tenants,
			SecretCipher cipher, UpstreamWatch watch, ChangeBroadcast changes, Egress egress,
			ToolboxProperties toolbox) {
		return UpstreamListeners.create(
				new ListenerDependencies(registry, catalog, tenants, cipher, watch, changes, egress),
				toolbox.listenSettings());
	}

	/**
	 * Starts the listeners of upstream MCP servers once the context is up and closes
	 * their sessions on shutdown.
	 * @param listeners the listeners
	 * @return the lifecycle bean
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "platform.toolbox.upstream-listen.enabled", matchIfMissing = true)
	SmartLifecycle upstreamListening(UpstreamListeners listeners) {
		return new CallbackLifecycle(listeners::start, listeners::close, SmartLifecycle.DEFAULT_PHASE);
	}

	@Bean
	BuiltinTools builtinTools(Clock clock) {
		return BuiltinTools.standard(clock);
	}

	@Bean
	ToolMetrics toolMetrics(ObjectProvider<MeterRegistry> meters, MetricsProperties metrics) {
		MeterRegistry registry = meters.getIfAvailable();
		return (registry != null) ? new MicrometerToolMetrics(registry, metrics.maxToolNames()) : ToolMetrics.NONE;
	}

	@Bean
	ToolRegistry toolRegistry(ToolCatalogStore catalog, ToolActivationStore activations, EmbeddingModel embeddings,
			SchemaValidator schemas, UpstreamTools upstream, SecretCipher cipher, ChangeBroadcast changes,
			BuiltinTools builtins, SessionLocks locks, AuditLog audit, Egress egress, ToolboxProperties toolbox) {
		return ToolRegistry.create(new RegistryDependencies(catalog, activations, embeddings, schemas, upstream, cipher,
				changes, builtins, locks, audit, egress), activation(toolbox));
	}

	@Bean
	ToolSearch toolSearch(ToolCatalogStore catalog, ToolActivationStore activations, EmbeddingModel embeddings,
			ChangeBroadcast changes, ToolboxProperties toolbox) {
		return ToolSearch.create(catalog, activations, embeddings, changes, toolbox.searchWeights(),
				activation(toolbox));
	}

	@Bean
	ToolRunner toolRunner(ToolCatalogStore catalog, ToolActivationStore activations, InvocationLedger ledger,
			RateLimits rateLimits, AuditLog audit, ToolMetrics metrics, SchemaValidator schemas, JsonCodec json,
			SecretCipher cipher, UpstreamTools upstream, BuiltinTools builtins, Egress egress,
			ToolboxProperties toolbox, Clock clock) {
		return ToolRunner.create(
				new RunnerDependencies(catalog, activations, ledger, rateLimits, audit, metrics, schemas, json,
						Map.of(ToolKind.HTTP, ToolTransports.http(egress, json, cipher, toolbox.maxResponseBytes()),
								ToolKind.MCP, ToolTransports.mcp(upstream, cipher, egress), ToolKind.BUILTIN,
								ToolTransports.builtin(builtins, json)),
						egress, clock),
				toolbox.sandboxPolicy(), activation(toolbox));
	}

	/**
	 * The brain's view of the activations.
	 * @param registry the tool registry
	 * @return the activations
	 */
	@Bean
	ToolActivations toolboxActivations(ToolRegistry registry) {
		return new ToolboxActivations(registry);
	}

	@Bean
	ToolDirectory toolDirectory(ToolRegistry registry, ToolRunner runner, JsonCodec json) {
		return new ToolboxToolDirectory(registry, runner, json);
	}

	@Bean
	ToolboxTools toolboxTools(ToolRegistry registry, ToolSearch search, ToolRunner runner,
			AgentConfiguration configuration, AgentDrafts drafts) {
		return new ToolboxTools(registry, search, runner, configuration, drafts);
	}

	@Bean
	ResourceContributor toolResources(ToolRegistry registry) {
		return new ToolResources(registry);
	}

	/**
	 * The tools of sessions pinned to an agent.
	 * @param registry the tool registry
	 * @param runner the runner
	 * @param configuration the agents
	 * @param calls resolves callers
	 * @return the agent tools
	 */
	@Bean
	AgentTools toolboxAgentTools(ToolRegistry registry, ToolRunner runner, AgentConfiguration configuration,
			ToolSpecifications calls) {
		return new ToolboxAgentTools(registry, runner, configuration, calls);
	}

	private static ActivationPolicy activation(ToolboxProperties toolbox) {
		return new ActivationPolicy(toolbox.enabledByDefault());
	}

}
