package io.ruche.stores.jdbc.config;

import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationTransactions;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.PersonalDataStore;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.StoreTransactions;
import io.ruche.kernel.port.TenantStore;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes each adapter of a {@link JdbcStores} bean as a bean of its port, unless the
 * application defines one. Imported by the backend auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcStoresConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StoreTransactions storeTransactions(JdbcStores stores) {
		return stores.transactions();
	}

	@Bean
	@ConditionalOnMissingBean
	TenantStore tenantStore(JdbcStores stores) {
		return stores.tenants();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyStore apiKeyStore(JdbcStores stores) {
		return stores.apiKeys();
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLog auditLog(JdbcStores stores) {
		return stores.auditLog();
	}

	@Bean
	@ConditionalOnMissingBean
	AgentStore agentStore(JdbcStores stores) {
		return stores.agents();
	}

	@Bean
	@ConditionalOnMissingBean
	RuleStore ruleStore(JdbcStores stores) {
		return stores.rules();
	}

	@Bean
	@ConditionalOnMissingBean
	ScenarioStore scenarioStore(JdbcStores stores) {
		return stores.scenarios();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionStore sessionStore(JdbcStores stores) {
		return stores.sessions();
	}

	@Bean
	@ConditionalOnMissingBean
	TurnStore turnStore(JdbcStores stores) {
		return stores.turns();
	}

	@Bean
	@ConditionalOnMissingBean
	InterlocutorStore interlocutorStore(JdbcStores stores) {
		return stores.interlocutors();
	}

	@Bean
	@ConditionalOnMissingBean
	PersonalDataStore personalDataStore(JdbcStores stores) {
		return stores.personalData();
	}

	@Bean
	@ConditionalOnMissingBean
	ToolCatalogStore toolCatalogStore(JdbcStores stores) {
		return stores.toolCatalog();
	}

	@Bean
	@ConditionalOnMissingBean
	ToolActivationStore toolActivationStore(JdbcStores stores) {
		return stores.toolActivations();
	}

	@Bean
	@ConditionalOnMissingBean
	InvocationLedger invocationLedger(JdbcStores stores) {
		return stores.invocationLedger();
	}

	@Bean
	@ConditionalOnMissingBean
	AgentVersionStore agentVersionStore(JdbcStores stores) {
		return stores.agentVersions();
	}

	@Bean
	@ConditionalOnMissingBean
	ConfigurationTransactions configurationTransactions(JdbcStores stores) {
		return stores.configurationTransactions();
	}

}
