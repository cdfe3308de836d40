package io.ruche.brain.configuration.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.ExpressionValidator;
import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
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
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.kernel.store.StoreConflictException;
import org.jspecify.annotations.Nullable;

/**
 * Validates configuration edits, then writes them through the store ports, announces each
 * change and audits it.
 */
public final class DefaultAgentConfiguration implements AgentConfiguration {

	private final AgentStore agents;

	private final RuleStore rules;

	private final ScenarioStore scenarios;

	private final EmbeddingModel embeddings;

	private final ToolActivations tools;

	private final ChangeBroadcast changes;

	private final AuditLog audit;

	private final Clock clock;

	private final DraftValidator validator;

	private final RuleFactory ruleFactory;

	public DefaultAgentConfiguration(AgentStore agents, RuleStore rules, ScenarioStore scenarios,
			EmbeddingModel embeddings, ExpressionValidator expressions, ToolActivations tools, ChangeBroadcast changes,
			AuditLog audit, Clock clock, ContentLimits limits) {
		this.agents = agents;
		this.rules = rules;
		this.scenarios = scenarios;
		this.embeddings = embeddings;
		this.tools = tools;
		this.changes = changes;
		this.audit = audit;
		this.clock = clock;
		this.validator = new DraftValidator(expressions, tools, limits);
		this.ruleFactory = new RuleFactory(clock);
	}

	@Override
	public List<Agent> listAgents(TenantId tenant) {
		return this.agents.list(tenant);
	}

	@Override
	public Agent agent(TenantId tenant, String agentRef) {
		return this.agents.find(tenant, agentRef)
			.or(() -> this.agents.findByName(tenant, agentRef))
			.orElseThrow(() -> new UnknownObjectException("agent", agentRef));
	}

	@Override
	public Agent upsertAgent(TenantId tenant, Actor actor, AgentDraft draft) {
		List<String> problems = this.validator.agentProblems(draft);
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		Agent saved = saveAgent(tenant, draft);
		changed(tenant, actor, "agent.upsert", saved.id(), saved.id(),
				Map.of("name", saved.name(), "version", String.valueOf(saved.version())));
		return saved;
	}

	Agent saveAgent(TenantId tenant, AgentDraft draft) {
		Optional<Agent> existing = this.agents.findByName(tenant, draft.name());
		return this.agents.save(mergeAgent(tenant, draft, existing));
	}

	private Agent mergeAgent(TenantId tenant, AgentDraft draft, Optional<Agent> existing) {
		if (existing.isPresent()) {
			checkVersion("agent", draft.name(), draft.expectedVersion(), existing.get().version());
		}
		Agent base = existing.orElse(null);
		try {
			return new Agent(tenant, (base != null) ? base.id() : Ids.newId("agt"), draft.name(),
					firstNonNull(draft.description(), (base != null) ? base.description() : null, ""),
					firstNonNull(draft.persona(), (base != null) ? base.persona() : null, ""),
					Objects.requireNonNullElse(draft.settings(),
							(base != null) ? base.settings() : AgentSettings.DEFAULTS),
					(base != null) ? base.version() : 0, this.clock.instant());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(String.valueOf(ex.getMessage()));
		}
	}

	@Override
	public Page<Scored<Rule>> searchRules(TenantId tenant, String agentRef, @Nullable String query, PageRequest page) {
		Agent agent = agent(tenant, agentRef);
		if (query == null || query.isBlank()) {
			Page<Rule> listed = this.rules.list(tenant, agent.id(), page);
			return new Page<>(listed.items().stream().map((r) -> new Scored<>(r, 0.0)).toList(), listed.nextCursor());
		}
		int wanted = page.offset() + page.limit() + 1;
		List<Scored<Rule>> ranked = this.rules.search(tenant, agent.id(), this.embeddings.embed(query), wanted);
		return Page.slice(ranked, page);
	}

	@Override
	public Rule rule(TenantId tenant, String agentRef, String ruleId) {
		Agent agent = agent(tenant, agentRef);
		return this.rules.find(tenant, agent.id(), ruleId)
			.orElseThrow(() -> new UnknownObjectException("rule", ruleId));
	}

	@Override
	public List<Rule> ruleHistory(TenantId tenant, String agentRef, String ruleId) {
		return this.rules.history(tenant, agent(tenant, agentRef).id(), ruleId);
	}

	@Override
	public Rule upsertRule(TenantId tenant, Actor actor, String agentRef, RuleDraft draft) {
		Agent agent = agent(tenant, agentRef);
		List<Scenario> agentScenarios = this.scenarios.list(tenant, agent.id());
		Optional<Rule> existing = matchRule(tenant, agent.id(), draft);
		List<String> problems = new ArrayList<>(this.validator.ruleProblems(tenant, draft, agentScenarios,
				(name) -> this.rules.findByName(tenant, agent.id(), name).isPresent()));
		existing.filter((r) -> !r.name().equals(draft.name())).ifPresent((r) -> {
			List<String> referrers = referrers(tenant, agent.id(), r.name());
			if (!referrers.isEmpty()) {
				problems.add("rule '" + r.name() + "' cannot be renamed: the relations of " + referrers
						+ " name it; change those first");
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		existing.ifPresent((r) -> checkVersion("rule", r.name(), draft.expectedVersion(), r.version()));
		Rule rule = this.ruleFactory.build(tenant, agent.id(), draft, existing, agentScenarios);
		Rule saved = this.rules.save(rule, this.embeddings.embed(rule.content().condition()));
		changed(tenant, actor, "rule.upsert", agent.id(), saved.id(),
				Map.of("name", saved.name(), "version", String.valueOf(saved.version())));
		return saved;
	}

	private Optional<Rule> matchRule(TenantId tenant, String agentId, RuleDraft draft) {
		Optional<Rule> sameName = this.rules.findByName(tenant, agentId, draft.name());
		String id = draft.id();
		if (id == null) {
			sameName.ifPresent((r) -> {
				throw new InvalidConfigurationException("a rule named '" + draft.name() + "' already exists (id "
						+ r.id() + "): pass its id to update it, or choose another name");
			});
			return Optional.empty();
		}
		Rule existing = this.rules.find(tenant, agentId, id).orElseThrow(() -> new UnknownObjectException("rule", id));
		sameName.filter((r) -> !r.id().equals(id)).ifPresent((r) -> {
			throw new InvalidConfigurationException(
					"another rule is already named '" + draft.name() + "' (id " + r.id() + "): choose another name");
		});
		return Optional.of(existing);
	}

	@Override
	public boolean deleteRule(TenantId tenant, Actor actor, String agentRef, String ruleId) {
		Agent agent = agent(tenant, agentRef);
		Optional<Rule> rule = this.rules.find(tenant, agent.id(), ruleId);
		if (rule.isEmpty()) {
			return false;
		}
		List<String> referrers = referrers(tenant, agent.id(), rule.get().name());
		if (!referrers.isEmpty()) {
			throw new InvalidConfigurationException("rule '" + rule.get().name()
					+ "' cannot be deleted: the relations of " + referrers + " name it; remove those first");
		}
		boolean deleted = this.rules.delete(tenant, agent.id(), ruleId);
		if (deleted) {
			changed(tenant, actor, "rule.delete", agent.id(), ruleId, Map.of("name", rule.get().name()));
		}
		return deleted;
	}

	// Relations name rules, so a rule that others name keeps its name and stays.
	private List<String> referrers(TenantId tenant, String agentId, String ruleName) {
		return this.rules.embedded(tenant, agentId)
			.stream()
			.map(RuleStore.EmbeddedRule::rule)
			.filter((r) -> r.content().relations().stream().anyMatch((rel) -> rel.rule().equals(ruleName)))
			.map(Rule::name)
			.sorted()
			.toList();
	}

	@Override
	public List<Scenario> listScenarios(TenantId tenant, String agentRef) {
		return this.scenarios.list(tenant, agent(tenant, agentRef).id());
	}

	@Override
	public Scenario scenario(TenantId tenant, String agentRef, String scenarioRef) {
		return ScopeReferences.findScenario(scenarioRef, listScenarios(tenant, agentRef))
			.orElseThrow(() -> new UnknownObjectException("scenario", scenarioRef));
	}

	@Override
	public Scenario upsertScenario(TenantId tenant, Actor actor, String agentRef, ScenarioDraft draft) {
		Agent agent = agent(tenant, agentRef);
		List<Scenario> existingScenarios = this.scenarios.list(tenant, agent.id());
		Optional<Scenario> existing = matchScenario(draft, existingScenarios);
		List<String> problems = this.validator.scenarioProblems(tenant, draft);
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
		existing.ifPresent((s) -> checkVersion("scenario", s.name(), draft.expectedVersion(), s.version()));
		Scenario scenario = buildScenario(tenant, agent.id(), draft, existing.map(Scenario::id).orElse(null),
				existing.map(Scenario::version).orElse(0L));
		Scenario saved = this.scenarios.save(scenario, ScenarioEmbedder.embed(scenario, this.embeddings));
		changed(tenant, actor, "scenario.upsert", agent.id(), saved.id(),
				Map.of("name", saved.name(), "version", String.valueOf(saved.version())));
		return saved;
	}

	private static Optional<Scenario> matchScenario(ScenarioDraft draft, List<Scenario> existing) {
		Optional<Scenario> sameName = existing.stream().filter((s) -> s.name().equals(draft.name())).findFirst();
		String id = draft.id();
		if (id == null) {
			sameName.ifPresent((s) -> {
				throw new InvalidConfigurationException("a scenario named '" + draft.name() + "' already exists (id "
						+ s.id() + "): pass its id to update it, or choose another name");
			});
			return Optional.empty();
		}
		Scenario match = existing.stream()
			.filter((s) -> s.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new UnknownObjectException("scenario", id));
		sameName.filter((s) -> !s.id().equals(id)).ifPresent((s) -> {
			throw new InvalidConfigurationException("another scenario is already named '" + draft.name() + "' (id "
					+ s.id() + "): choose another name");
		});
		return Optional.of(match);
	}

	Scenario buildScenario(TenantId tenant, String agentId, ScenarioDraft draft, @Nullable String id, long version) {
		try {
			String entryStep = (draft.entryStep() != null) ? draft.entryStep() : draft.steps().get(0).id();
			return new Scenario(tenant, agentId, (id != null) ? id : Ids.newId("scn"), draft.name(),
					draft.description(), draft.entryCondition(), entryStep, draft.steps(), draft.exitConditions(),
					draft.enabled(), version, null, this.clock.instant());
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new InvalidConfigurationException(String.valueOf(ex.getMessage()));
		}
	}

	@Override
	public boolean deleteScenario(TenantId tenant, Actor actor, String agentRef, String scenarioRef) {
		Agent agent = agent(tenant, agentRef);
		Optional<Scenario> scenario = ScopeReferences.findScenario(scenarioRef,
				this.scenarios.list(tenant, agent.id()));
		boolean deleted = scenario.isPresent() && this.scenarios.delete(tenant, agent.id(), scenario.get().id());
		if (deleted) {
			changed(tenant, actor, "scenario.delete", agent.id(), scenario.get().id(),
					Map.of("name", scenario.get().name()));
		}
		return deleted;
	}

	@Override
	public AgentSnapshot export(TenantId tenant, String agentRef) {
		Agent agent = agent(tenant, agentRef);
		List<Scenario> agentScenarios = this.scenarios.list(tenant, agent.id());
		List<RuleDraft> ruleDrafts = this.rules.embedded(tenant, agent.id())
			.stream()
			.map(RuleStore.EmbeddedRule::rule)
			.sorted(Comparator.comparing(Rule::priority).reversed().thenComparing(Rule::name))
			.map((r) -> RuleFactory.portableDraft(r, agentScenarios))
			.toList();
		List<ScenarioDraft> scenarioDrafts = agentScenarios.stream()
			.map((s) -> new ScenarioDraft(null, s.name(), s.description(), s.entryCondition(), s.entryStep(), s.steps(),
					s.exitConditions(), s.enabled(), null))
			.toList();
		AgentDraft agentDraft = new AgentDraft(agent.name(), agent.description(), agent.persona(), agent.settings(),
				null);
		return new AgentSnapshot(agentDraft, ruleDrafts, scenarioDrafts, this.tools.enabledTools(tenant, agent.id()));
	}

	@Override
	public Agent importAgent(TenantId tenant, Actor actor, AgentSnapshot snapshot) {
		return new SnapshotImporter(this, this.agents, this.rules, this.scenarios, this.validator, this.ruleFactory,
				this.embeddings, this.tools)
			.importSnapshot(tenant, actor, snapshot);
	}

	/**
	 * Announces a written change to every instance, then audits it.
	 * @param action the audited action; its first word is the kind of object announced
	 * @param agentId the agent the change belongs to
	 * @param objectId the object changed
	 * @param details short facts for the audit, the agent id added
	 */
	void changed(TenantId tenant, Actor actor, String action, String agentId, String objectId,
			Map<String, String> details) {
		String kind = action.substring(0, action.indexOf('.'));
		this.changes.publish(new ConfigurationChanged(tenant, agentId, kind, objectId));
		Map<String, String> facts = new LinkedHashMap<>(details);
		facts.put("agent", agentId);
		this.audit.append(AuditRecord.change(tenant, actor, action, objectId, facts, this.clock.instant()));
	}

	private static void checkVersion(String kind, String name, @Nullable Long expected, long actual) {
		if (expected != null && expected != actual) {
			throw new StoreConflictException(kind + " '" + name + "' is at version " + actual + ", not " + expected
					+ ": read it again and reapply your change");
		}
	}

	private static String firstNonNull(@Nullable String first, @Nullable String second, String fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

}
