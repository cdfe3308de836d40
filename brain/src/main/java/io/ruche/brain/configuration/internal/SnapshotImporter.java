package io.ruche.brain.configuration.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.port.ToolActivations;
import io.ruche.brain.scenario.ScenarioEmbedder;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;

/**
 * Imports an agent snapshot: validates every part against the snapshot itself, then
 * writes. Rules and scenarios are matched by name; those of the stored agent that the
 * snapshot no longer lists are deleted, and tools it does not list are disabled, so that
 * the agent ends up exactly as described.
 */
final class SnapshotImporter {

	private final DefaultAgentConfiguration configuration;

	private final AgentStore agents;

	private final RuleStore rules;

	private final ScenarioStore scenarios;

	private final DraftValidator validator;

	private final RuleFactory ruleFactory;

	private final EmbeddingModel embeddings;

	private final ToolActivations tools;

	SnapshotImporter(DefaultAgentConfiguration configuration, AgentStore agents, RuleStore rules,
			ScenarioStore scenarios, DraftValidator validator, RuleFactory ruleFactory, EmbeddingModel embeddings,
			ToolActivations tools) {
		this.configuration = configuration;
		this.agents = agents;
		this.rules = rules;
		this.scenarios = scenarios;
		this.validator = validator;
		this.ruleFactory = ruleFactory;
		this.embeddings = embeddings;
		this.tools = tools;
	}

	/**
	 * Imports a snapshot into an agent.
	 * @param announced the announcements of the running change
	 * @param existingAgent the agent to update (found by name for an import, by id for a
	 * rollback), or empty to create one
	 * @param action the audited action
	 * @param details facts for the audit besides the counts
	 * @return the stored agent
	 */
	Agent importSnapshot(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, AgentSnapshot snapshot,
			Optional<Agent> existingAgent, String action, Map<String, String> details) {
		String agentId = existingAgent.map(Agent::id).orElse("pending");
		Map<String, Scenario> storedScenarios = existingAgent.map((a) -> this.scenarios.list(tenant, a.id()))
			.orElse(List.of())
			.stream()
			.collect(Collectors.toMap(Scenario::name, Function.identity()));
		Map<String, Rule> storedRules = existingAgent.map((a) -> this.rules.embedded(tenant, a.id()))
			.orElse(List.of())
			.stream()
			.map(RuleStore.EmbeddedRule::rule)
			.collect(Collectors.toMap(Rule::name, Function.identity()));

		List<String> problems = new ArrayList<>(this.validator.agentProblems(snapshot.agent()));
		this.agents.findByName(tenant, snapshot.agent().name())
			.filter((other) -> existingAgent.isPresent() && !other.id().equals(existingAgent.get().id()))
			.ifPresent((other) -> problems
				.add("another agent is now named '" + other.name() + "' (id " + other.id() + "): rename it first"));
		List<Scenario> plannedScenarios = planScenarios(tenant, agentId, snapshot, storedScenarios, problems);
		List<Rule> plannedRules = planRules(tenant, agentId, snapshot, storedRules, plannedScenarios, problems);
		for (String tool : snapshot.tools()) {
			if (!this.tools.exists(tenant, tool)) {
				problems.add("tool '" + tool + "' is not registered in this tenant: register it before importing");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		return write(announced, tenant, actor, snapshot, existingAgent,
				new Plan(plannedScenarios, plannedRules, storedScenarios, storedRules), action, details);
	}

	private record Plan(List<Scenario> scenarios, List<Rule> rules, Map<String, Scenario> storedScenarios,
			Map<String, Rule> storedRules) {
	}

	private List<Scenario> planScenarios(TenantId tenant, String agentId, AgentSnapshot snapshot,
			Map<String, Scenario> stored, List<String> problems) {
		List<Scenario> planned = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (ScenarioDraft draft : snapshot.scenarios()) {
			if (!names.add(draft.name())) {
				problems.add("the document lists two scenarios named '" + draft.name() + "'");
				continue;
			}
			List<String> draftProblems = this.validator.scenarioProblems(tenant, draft);
			problems.addAll(draftProblems);
			if (draftProblems.isEmpty()) {
				Scenario existing = stored.get(draft.name());
				planned.add(this.configuration.buildScenario(tenant, agentId, draft,
						(existing != null) ? existing.id() : null, (existing != null) ? existing.version() : 0));
			}
		}
		return planned;
	}

	private List<Rule> planRules(TenantId tenant, String agentId, AgentSnapshot snapshot, Map<String, Rule> stored,
			List<Scenario> plannedScenarios, List<String> problems) {
		List<Rule> planned = new ArrayList<>();
		Set<String> names = new HashSet<>();
		Set<String> documentRules = snapshot.rules().stream().map(RuleDraft::name).collect(Collectors.toSet());
		for (RuleDraft draft : snapshot.rules()) {
			if (!names.add(draft.name())) {
				problems.add("the document lists two rules named '" + draft.name() + "'");
				continue;
			}
			List<String> draftProblems = this.validator.ruleProblems(tenant, draft, plannedScenarios,
					documentRules::contains);
			problems.addAll(draftProblems);
			if (draftProblems.isEmpty()) {
				try {
					planned.add(this.ruleFactory.build(tenant, agentId, draft,
							Optional.ofNullable(stored.get(draft.name())), plannedScenarios));
				}
				catch (InvalidConfigurationException ex) {
					problems.addAll(ex.problems());
				}
			}
		}
		return planned;
	}

	private Agent write(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, AgentSnapshot snapshot,
			Optional<Agent> existingAgent, Plan plan, String action, Map<String, String> details) {
		List<Scenario> plannedScenarios = plan.scenarios();
		List<Rule> plannedRules = plan.rules();
		Agent agent = this.configuration.saveAgent(tenant, snapshot.agent(), existingAgent);
		for (Scenario scenario : plannedScenarios) {
			Scenario owned = withAgent(scenario, agent.id());
			this.scenarios.save(owned, ScenarioEmbedder.embed(owned, this.embeddings));
		}
		for (Rule rule : plannedRules) {
			Rule owned = new Rule(tenant, agent.id(), rule.id(), rule.name(), rule.content(), rule.priority(),
					rule.enabled(), rule.version(), null, rule.updatedAt());
			this.rules.save(owned, this.embeddings.embed(owned.content().condition()));
		}
		Set<String> keptScenarios = plannedScenarios.stream().map(Scenario::name).collect(Collectors.toSet());
		plan.storedScenarios()
			.values()
			.stream()
			.filter((s) -> !keptScenarios.contains(s.name()))
			.forEach((s) -> this.scenarios.delete(tenant, agent.id(), s.id()));
		Set<String> keptRules = plannedRules.stream().map(Rule::name).collect(Collectors.toSet());
		plan.storedRules()
			.values()
			.stream()
			.filter((r) -> !keptRules.contains(r.name()))
			.forEach((r) -> this.rules.delete(tenant, agent.id(), r.id()));
		snapshot.tools().forEach((tool) -> this.tools.enable(tenant, actor, agent.id(), tool));
		this.tools.enabledTools(tenant, agent.id())
			.stream()
			.filter((tool) -> !snapshot.tools().contains(tool))
			.forEach((tool) -> this.tools.disable(tenant, actor, agent.id(), tool));
		Map<String, String> facts = new LinkedHashMap<>(details);
		facts.put("name", agent.name());
		facts.put("rules", String.valueOf(plannedRules.size()));
		facts.put("scenarios", String.valueOf(plannedScenarios.size()));
		facts.put("tools", String.valueOf(snapshot.tools().size()));
		this.configuration.changed(announced, tenant, actor, action, agent.id(), agent.id(), facts);
		return agent;
	}

	private static Scenario withAgent(Scenario scenario, String agentId) {
		return new Scenario(scenario.tenant(), agentId, scenario.id(), scenario.name(), scenario.description(),
				scenario.entryCondition(), scenario.entryStep(), scenario.steps(), scenario.exitConditions(),
				scenario.enabled(), scenario.version(), null, scenario.updatedAt());
	}

}
