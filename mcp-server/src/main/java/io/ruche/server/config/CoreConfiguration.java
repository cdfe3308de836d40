package io.ruche.server.config;

import java.time.Clock;
import java.util.Optional;

import io.ruche.adapters.LocalMiniLmEmbeddingModel;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentVersions;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.ExpressionValidator;
import io.ruche.brain.configuration.ExpressionValidator.Use;
import io.ruche.brain.expression.ExpressionCheck;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationTransactions;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.ToolActivations;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.TenantStore;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.TenantBootstrap;
import io.ruche.server.security.TenantProvisioning;
import io.ruche.server.security.TenantSettingsService;
import io.ruche.server.wire.AgentDocuments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the core services on top of the store ports that the selected store backend
 * provides.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlatformProperties.class, BudgetProperties.class })
public class CoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	EmbeddingModel embeddingModel() {
		return new LocalMiniLmEmbeddingModel();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> embeddingWarmUp(EmbeddingModel embeddingModel) {
		return (event) -> {
			if (embeddingModel instanceof LocalMiniLmEmbeddingModel local) {
				local.warmUp();
			}
		};
	}

	@Bean
	ApiKeyService apiKeyService(ApiKeyStore keys, TenantStore tenants, AuditLog audit, Clock clock,
			PlatformProperties properties) {
		return new ApiKeyService(keys, tenants, audit, clock, properties.mcp().keyCacheTtl());
	}

	@Bean
	TenantProvisioning tenantProvisioning(TenantStore tenants, AuditLog audit) {
		return new TenantProvisioning(tenants, audit);
	}

	@Bean
	TenantSettingsService tenantSettingsService(TenantStore tenants, AuditLog audit, Clock clock,
			BudgetProperties budgets) {
		return new TenantSettingsService(tenants, audit, clock, budgets.tenantSettingsTtl());
	}

	@Bean
	TenantBootstrap tenantBootstrap(TenantStore tenants, TenantProvisioning provisioning, ApiKeyService keys,
			Clock clock, PlatformProperties properties) {
		TenantBootstrap bootstrap = new TenantBootstrap(tenants, provisioning, keys, clock);
		bootstrap.bootstrapIfEmpty(properties.bootstrapKey(), properties.dataDir());
		return bootstrap;
	}

	@Bean
	@ConditionalOnMissingBean
	Expressions expressions() {
		return Expressions.create();
	}

	@Bean
	ExpressionValidator expressionValidator(Expressions expressions) {
		return (source,
				use) -> (expressions.check(source,
						(use == Use.CONSTRAINT) ? ExpressionKind.CONSTRAINT
								: ExpressionKind.TRANSITION) instanceof ExpressionCheck.Invalid invalid)
										? Optional.of(invalid.message()) : Optional.empty();
	}

	@Bean
	AgentDocuments agentDocuments() {
		return new AgentDocuments();
	}

	@Bean
	AgentConfiguration agentConfiguration(AgentStore agents, RuleStore rules, ScenarioStore scenarios,
			EmbeddingModel embeddings, ExpressionValidator expressions, ToolActivations tools, ChangeBroadcast changes,
			AuditLog audit, Clock clock, ContentLimits limits, AgentVersionStore versions, AgentDocuments documents,
			ConfigurationTransactions transactions) {
		return AgentConfiguration.create(agents, rules, scenarios, embeddings, expressions, tools, changes, audit,
				clock, limits, versions, documents, transactions);
	}

	@Bean
	AgentVersions agentVersions(AgentConfiguration configuration) {
		return configuration.versions();
	}

}
