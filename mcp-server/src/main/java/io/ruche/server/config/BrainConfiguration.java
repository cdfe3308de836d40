package io.ruche.server.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.ruche.brain.BrainPorts;
import io.ruche.brain.PipelineSettings;
import io.ruche.brain.SessionQueries;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.ToolDirectory;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.port.UsageCounters;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.port.StoreTransactions;
import io.ruche.server.brain.ChatModels;
import io.ruche.server.brain.ConfiguredBudgets;
import io.ruche.server.brain.FallbackLanguageModel;
import io.ruche.server.brain.MicrometerTurnMetrics;
import io.ruche.server.brain.SpringAiLanguageModel;
import io.ruche.server.mcp.ConversationTools;
import io.ruche.server.mcp.DraftTools;
import io.ruche.server.mcp.InspectionTools;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.security.TenantSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the turn pipeline (the brain) on the store ports, the optional configured model
 * (Spring AI: OpenAI-compatible or Anthropic, with fallbacks), the Micrometer metrics,
 * and the conversation tools and resources.
 * <p>
 * Spring AI's own model auto-configurations are switched off in {@code application.yaml}
 * ({@code spring.ai.model.*=none}), so that start-up never needs an API key; the model is
 * built here only when {@code platform.model.provider} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ModelProperties.class, TurnProperties.class })
public class BrainConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BrainConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TurnMetrics turnMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		return (meters != null) ? new MicrometerTurnMetrics(meters) : TurnMetrics.NOOP;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("!'${platform.model.provider:none}'.equalsIgnoreCase('none')")
	FallbackLanguageModel languageModel(ModelProperties model, ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable();
		List<SpringAiLanguageModel> chain = new ArrayList<>();
		for (ModelProperties.Endpoint endpoint : model.chain()) {
			chain.add(ChatModels.create(endpoint.provider(), endpoint.baseUrl(), endpoint.apiKey(), endpoint.name(),
					model.timeout(), model.maxRetries(), meters));
			log.info("Model provider {}: {} at {}", chain.size(), endpoint.provider(),
					(endpoint.baseUrl() != null && !endpoint.baseUrl().isBlank()) ? endpoint.baseUrl()
							: "the provider's default URL");
		}
		return new FallbackLanguageModel(chain);
	}

	@Bean
	TurnPipeline turnPipeline(ModelProperties model, TurnProperties turnSettings, AgentStore agents, RuleStore rules,
			ScenarioStore scenarios, SessionStore sessions, TurnStore turns, InterlocutorStore interlocutors,
			EmbeddingModel embeddings, SessionLocks locks, AuditLog audit,
			ObjectProvider<StoreTransactions> transactions, ObjectProvider<ChangeBroadcast> changes,
			ObjectProvider<LanguageModel> languageModel, ObjectProvider<ToolDirectory> tools, TurnMetrics metrics,
			Clock clock, Expressions expressions, Keyring keyring, BudgetProperties budgets,
			TenantSettingsService tenantSettings, UsageCounters usage,
			ObjectProvider<ConfigurationSource> configurations) {
		BrainPorts.Builder ports = BrainPorts
			.builder(agents, rules, scenarios, sessions, turns, interlocutors, embeddings, locks, audit)
			.languageModel(languageModel.getIfAvailable())
			// The toolbox provides a ToolDirectory bean when it is wired; until then no
			// tool runs.
			.tools(tools.getIfAvailable(ToolDirectory::none))
			.metrics(metrics)
			.clock(clock)
			.keyring(keyring)
			.budgets(new ConfiguredBudgets(budgets.tenant().budget(), budgets.agent().budget(),
					tenantSettings::settings), usage);
		transactions.ifAvailable(ports::transactions);
		changes.ifAvailable(ports::changes);
		configurations.ifAvailable(ports::configurations);
		PipelineSettings settings = new PipelineSettings(turnSettings.maxWait(), model.temperature(), model.maxTokens(),
				model.judge());
		return TurnPipeline.create(settings, ports.build(), expressions);
	}

	// A publish first replays the agent's golden sessions on its draft.
	@Bean
	AgentDrafts agentDrafts(AgentConfiguration configuration, ConfigurationDraftStore drafts, TurnPipeline pipeline) {
		return configuration.drafts(drafts, (live, sessions) -> pipeline
			.replay(new ReplayRequest(live.tenant(), live.id(), ConfigurationSource.DRAFT, sessions, null)));
	}

	@Bean
	DraftTools draftTools(AgentDrafts drafts, TurnPipeline pipeline) {
		return new DraftTools(drafts, pipeline);
	}

	@Bean
	SessionQueries sessionQueries(AgentStore agents, ScenarioStore scenarios, SessionStore sessions, TurnStore turns,
			InterlocutorStore interlocutors, Clock clock) {
		return SessionQueries.create(agents, scenarios, sessions, turns, interlocutors, clock);
	}

	@Bean
	ConversationTools conversationTools(TurnPipeline pipeline, ObjectProvider<LanguageModel> languageModel) {
		return new ConversationTools(pipeline, languageModel.getIfAvailable() != null);
	}

	@Bean
	InspectionTools inspectionTools(SessionQueries queries) {
		return new InspectionTools(queries);
	}

	@Bean
	ResourceContributor sessionResource(InspectionTools inspection) {
		return inspection.sessionResource();
	}

	@Bean
	ResourceContributor traceResource(InspectionTools inspection) {
		return inspection.traceResource();
	}

}
