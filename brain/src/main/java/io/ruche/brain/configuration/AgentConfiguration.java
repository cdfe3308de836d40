package io.ruche.brain.configuration;

import java.time.Clock;
import java.util.List;

import io.ruche.brain.configuration.internal.DefaultAgentConfiguration;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationTransactions;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.ToolActivations;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import org.jspecify.annotations.Nullable;

/**
 * Reads and edits agents, rules and scenarios. Every edit is validated completely before
 * anything is written: a refused edit throws {@link InvalidConfigurationException}
 * listing every problem; a reference to an object that does not exist throws
 * {@link UnknownObjectException}; a stale {@code expectedVersion} throws
 * {@link io.ruche.kernel.store.StoreConflictException}. Agents, scenarios and rule scopes
 * may be referenced by id or by name. Every edit that changes something is audited once
 * written (actions {@code agent.upsert}, {@code rule.upsert}, {@code rule.delete},
 * {@code scenario.upsert}, {@code scenario.delete}, {@code agent.import}) with its
 * {@link Actor}, and publishes a new version of the agent ({@link #versions()}) in the
 * same transaction; a failure to write either is thrown as a
 * {@link io.ruche.kernel.store.StoreException} and leaves nothing.
 */
public interface AgentConfiguration {

	List<Agent> listAgents(TenantId tenant);

	Agent agent(TenantId tenant, String agentRef);

	Agent upsertAgent(TenantId tenant, Actor actor, AgentDraft draft);

	/**
	 * Lists an agent's rules: by priority without a query, else ranked by similarity of
	 * their condition to it (each with its score).
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @param query the text to rank by, or null
	 * @param page the page wanted
	 * @return one page of rules; the score is 0 when not ranked
	 */
	Page<Scored<Rule>> searchRules(TenantId tenant, String agentRef, @Nullable String query, PageRequest page);

	Rule rule(TenantId tenant, String agentRef, String ruleId);

	List<Rule> ruleHistory(TenantId tenant, String agentRef, String ruleId);

	Rule upsertRule(TenantId tenant, Actor actor, String agentRef, RuleDraft draft);

	boolean deleteRule(TenantId tenant, Actor actor, String agentRef, String ruleId);

	/**
	 * Deletes an agent with its rules and scenarios (soft deleted, in their history) and
	 * its tool activations, audited as {@code agent.delete}; its versions, sessions and
	 * audit records stay. The name is free again at once.
	 * @param tenant the tenant
	 * @param actor who deletes it
	 * @param agentRef the agent id or name
	 * @throws UnknownObjectException when the tenant has no such agent
	 */
	void deleteAgent(TenantId tenant, Actor actor, String agentRef);

	List<Scenario> listScenarios(TenantId tenant, String agentRef);

	Scenario scenario(TenantId tenant, String agentRef, String scenarioRef);

	Scenario upsertScenario(TenantId tenant, Actor actor, String agentRef, ScenarioDraft draft);

	boolean deleteScenario(TenantId tenant, Actor actor, String agentRef, String scenarioRef);

	/**
	 * Exports an agent. Scope references are written as scenario names ({@code Scenario}
	 * or {@code Scenario/step}) so that the snapshot can be imported into another tenant.
	 * @param tenant the tenant
	 * @param agentRef the agent id or name
	 * @return the snapshot
	 */
	AgentSnapshot export(TenantId tenant, String agentRef);

	/**
	 * Creates or updates the agent a snapshot describes, matching rules and scenarios by
	 * name. Everything is validated before anything is written.
	 * @param tenant the tenant
	 * @param actor who imports, for the audit
	 * @param snapshot the snapshot
	 * @return the stored agent
	 */
	Agent importAgent(TenantId tenant, Actor actor, AgentSnapshot snapshot);

	/**
	 * The history of the agents this service edits: each of its edits above publishes a
	 * new version.
	 * @return the versions service
	 */
	AgentVersions versions();

	/**
	 * Creates the configuration service with limits on what a configuration may hold.
	 * @param limits the largest texts and lists accepted when writing
	 * @param versions where each published state of an agent is kept
	 * @param format the document a version holds
	 * @param transactions how an edit, its version and its audit are written together
	 * @return the service
	 */
	static AgentConfiguration create(AgentStore agents, RuleStore rules, ScenarioStore scenarios,
			EmbeddingModel embeddings, ExpressionValidator expressions, ToolActivations tools, ChangeBroadcast changes,
			AuditLog audit, Clock clock, ContentLimits limits, AgentVersionStore versions, AgentDocumentFormat format,
			ConfigurationTransactions transactions) {
		return new DefaultAgentConfiguration(agents, rules, scenarios, embeddings, expressions, tools, changes, audit,
				clock, limits, new DefaultAgentConfiguration.VersionPorts(versions, format, transactions));
	}

}
