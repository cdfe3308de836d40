package io.ruche.stores.jdbc;

import javax.sql.DataSource;

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
import io.ruche.kernel.port.TenantStore;
import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.toolbox.port.ToolCatalogStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;

/**
 * The JDBC adapters of every persisted port over one migrated database:
 * {@code JdbcStores.builder(dataSource).vectorSearch(...).build().rules()}.
 */
public final class JdbcStores {

	private final TenantTransactions transactions;

	private final TenantStore tenants;

	private final ApiKeyStore apiKeys;

	private final AuditLog auditLog;

	private final AgentStore agents;

	private final RuleStore rules;

	private final ScenarioStore scenarios;

	private final SessionStore sessions;

	private final TurnStore turns;

	private final InterlocutorStore interlocutors;

	private final PersonalDataStore personalData;

	private final ToolCatalogStore toolCatalog;

	private final ToolActivationStore toolActivations;

	private final InvocationLedger invocationLedger;

	private final AgentVersionStore agentVersions;

	private final ConfigurationTransactions configurationTransactions;

	private JdbcStores(Builder builder) {
		this.transactions = new TenantTransactions(builder.dataSource, builder.tenantBinder);
		Json json = new Json(builder.jsonMapper);
		Aggregates aggregates = new Aggregates(builder.dataSource, builder.dialect, json);
		VectorSearch vectors = builder.vectorSearch;
		this.tenants = new JdbcTenantStore(this.transactions, aggregates);
		this.apiKeys = new JdbcApiKeyStore(this.transactions, aggregates);
		this.auditLog = new JdbcAuditLog(this.transactions, aggregates);
		this.agents = new JdbcAgentStore(this.transactions, aggregates);
		this.rules = new JdbcRuleStore(this.transactions, json, vectors);
		this.scenarios = new JdbcScenarioStore(this.transactions, json, vectors);
		this.sessions = new JdbcSessionStore(this.transactions, aggregates);
		this.turns = new JdbcTurnStore(this.transactions, aggregates);
		this.interlocutors = new JdbcInterlocutorStore(this.transactions, aggregates);
		this.personalData = new JdbcPersonalDataStore(this.transactions, aggregates);
		this.toolCatalog = new JdbcToolCatalogStore(this.transactions, json, vectors);
		this.toolActivations = new JdbcToolActivationStore(this.transactions, aggregates);
		this.invocationLedger = new JdbcInvocationLedger(this.transactions, aggregates);
		this.agentVersions = new JdbcAgentVersionStore(this.transactions, aggregates);
		this.configurationTransactions = new JdbcConfigurationTransactions(this.transactions);
	}

	/**
	 * Starts building the stores over a database whose schema is already migrated.
	 * @param dataSource the database
	 * @return a builder, with in-process vector search, the H2 dialect and no tenant
	 * binding by default
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * The transaction helper every adapter uses, for tests and maintenance tasks.
	 * @return the helper
	 */
	public TenantTransactions transactions() {
		return this.transactions;
	}

	public TenantStore tenants() {
		return this.tenants;
	}

	public ApiKeyStore apiKeys() {
		return this.apiKeys;
	}

	public AuditLog auditLog() {
		return this.auditLog;
	}

	public AgentStore agents() {
		return this.agents;
	}

	public RuleStore rules() {
		return this.rules;
	}

	public ScenarioStore scenarios() {
		return this.scenarios;
	}

	public SessionStore sessions() {
		return this.sessions;
	}

	public TurnStore turns() {
		return this.turns;
	}

	public InterlocutorStore interlocutors() {
		return this.interlocutors;
	}

	public PersonalDataStore personalData() {
		return this.personalData;
	}

	public ToolCatalogStore toolCatalog() {
		return this.toolCatalog;
	}

	public ToolActivationStore toolActivations() {
		return this.toolActivations;
	}

	public InvocationLedger invocationLedger() {
		return this.invocationLedger;
	}

	public AgentVersionStore agentVersions() {
		return this.agentVersions;
	}

	public ConfigurationTransactions configurationTransactions() {
		return this.configurationTransactions;
	}

	/**
	 * Builds {@link JdbcStores}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private VectorSearch vectorSearch = new InProcessVectorSearch();

		private TenantBinder tenantBinder = TenantBinder.NONE;

		private JdbcDialect dialect = JdbcH2Dialect.INSTANCE;

		private JsonMapper jsonMapper = JsonMapper.builder().build();

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		/**
		 * Sets how embeddings are stored and ranked.
		 * @param vectorSearch the strategy
		 * @return this builder
		 */
		public Builder vectorSearch(VectorSearch vectorSearch) {
			this.vectorSearch = vectorSearch;
			return this;
		}

		/**
		 * Sets how tenant transactions are prepared (row-level security).
		 * @param tenantBinder the binder
		 * @return this builder
		 */
		public Builder tenantBinder(TenantBinder tenantBinder) {
			this.tenantBinder = tenantBinder;
			return this;
		}

		/**
		 * Sets the SQL dialect of the repositories' statements.
		 * @param dialect the dialect of the database
		 * @return this builder
		 */
		public Builder dialect(JdbcDialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * Sets the mapper of the JSON columns.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		public JdbcStores build() {
			return new JdbcStores(this);
		}

	}

}
