package io.ruche.brain.configuration.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.AgentVersions;
import io.ruche.brain.configuration.ContentLimits;
import io.ruche.brain.configuration.ExpressionValidator;
import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.PublishGate;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.AgentStore;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.ConfigurationTransactions;
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
 * Validates configuration edits, then writes each with its new agent version and its
 * audit record in one transaction, and announces it once committed.
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

	private final AgentVersionStore versions;

	private final AgentDocumentFormat format;

	private final ConfigurationTransactions transactions;

	private final RecentAgentLists agentLists;

	public DefaultAgentConfiguration(AgentStore agents, RuleStore rules, ScenarioStore scenarios,
			EmbeddingModel embeddings, ExpressionValidator expressions, ToolActivations tools, ChangeBroadcast changes,
			AuditLog audit, Clock clock, ContentLimits limits, VersionPorts versionPorts) {
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
		this.versions = versionPorts.store();
		this.format = versionPorts.format();
		this.transactions = versionPorts.transactions();
		this.agentLists = new RecentAgentLists(clock);
		changes.subscribe((change) -> this.agentLists.forget(change.tenant()));
	}

	/**
	 * What versioning needs besides the stores of the objects themselves.
	 *
	 * @param store where versions are kept
	 * @param format the document each version holds
	 * @param transactions how a change and its version are written together
	 */
	public record VersionPorts(AgentVersionStore store, AgentDocumentFormat format,
			ConfigurationTransactions transactions) {
	}

	@Override
	public AgentVersions versions() {
		return new DefaultAgentVersions(this, this.versions, this.format);
	}

	@Override
	public AgentDrafts drafts(ConfigurationDraftStore store, PublishGate gate) {
		return new DefaultAgentDrafts(this, store, gate, new DraftMaterializer(importer()));
	}

	@Override
	public ConfigurationSource configurations(ConfigurationDraftStore store) {
		return new DocumentConfigurationSource(store, this.versions, this.format, new DraftMaterializer(importer()),
				this.embeddings, this.changes);
	}

	@Override
	public List<Agent> listAgents(TenantId tenant) {
		return this.agentLists.list(tenant, () -> this.agents.list(tenant));
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
		return publishing(tenant, (announced) -> {
			Agent saved = saveAgent(tenant, draft, this.agents.findByName(tenant, draft.name()));
			changed(announced, tenant, actor, "agent.upsert", saved.id(), saved.id(),
					Map.of("name", saved.name(), "version", String.valueOf(saved.version())));
			return saved;
		});
	}

	Agent saveAgent(TenantId tenant, AgentDraft draft, Optional<Agent> existing) {
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
					Objects.requireNonNullElse(draft.fields(), (base != null) ? base.fields() : List.of()),
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
		return publishing(tenant, (announced) -> writeRule(announced, tenant, actor, agentRef, draft));
	}

	private Rule writeRule(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, String agentRef,
			RuleDraft draft) {
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
		changed(announced, tenant, actor, "rule.upsert", agent.id(), saved.id(),
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
		return publishing(tenant, (announced) -> removeRule(announced, tenant, actor, agentRef, ruleId));
	}

	@Override
	public void deleteAgent(TenantId tenant, Actor actor, String agentRef) {
		publishing(tenant, (announced) -> {
			Agent agent = agent(tenant, agentRef);
			List<Rule> removed = this.rules.embedded(tenant, agent.id())
				.stream()
				.map(RuleStore.EmbeddedRule::rule)
				.toList();
			removed.forEach((rule) -> this.rules.delete(tenant, agent.id(), rule.id()));
			List<Scenario> scenarios = this.scenarios.list(tenant, agent.id());
			scenarios.forEach((scenario) -> this.scenarios.delete(tenant, agent.id(), scenario.id()));
			this.tools.enabledTools(tenant, agent.id())
				.forEach((tool) -> this.tools.disable(tenant, actor, agent.id(), tool));
			this.agents.delete(tenant, agent.id());
			announced.add(new ConfigurationChanged(tenant, agent.id(), "agent", agent.id()));
			this.audit.append(AuditRecord.change(
					tenant, actor, "agent.delete", agent.id(), Map.of("name", agent.name(), "rules",
							String.valueOf(removed.size()), "scenarios", String.valueOf(scenarios.size())),
					this.clock.instant()));
			return agent;
		});
	}

	private boolean removeRule(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, String agentRef,
			String ruleId) {
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
			changed(announced, tenant, actor, "rule.delete", agent.id(), ruleId, Map.of("name", rule.get().name()));
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
		return publishing(tenant, (announced) -> writeScenario(announced, tenant, actor, agentRef, draft));
	}

	private Scenario writeScenario(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, String agentRef,
			ScenarioDraft draft) {
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
		changed(announced, tenant, actor, "scenario.upsert", agent.id(), saved.id(),
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
		return publishing(tenant, (announced) -> {
			Agent agent = agent(tenant, agentRef);
			Optional<Scenario> scenario = ScopeReferences.findScenario(scenarioRef,
					this.scenarios.list(tenant, agent.id()));
			boolean deleted = scenario.isPresent() && this.scenarios.delete(tenant, agent.id(), scenario.get().id());
			if (deleted) {
				changed(announced, tenant, actor, "scenario.delete", agent.id(), scenario.get().id(),
						Map.of("name", scenario.get().name()));
			}
			return deleted;
		});
	}

	@Override
	public AgentSnapshot export(TenantId tenant, String agentRef) {
		return export(tenant, agent(tenant, agentRef));
	}

	private AgentSnapshot export(TenantId tenant, Agent agent) {
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
				agent.fields(), null);
		return new AgentSnapshot(agentDraft, ruleDrafts, scenarioDrafts, this.tools.enabledTools(tenant, agent.id()));
	}

	@Override
	public Agent importAgent(TenantId tenant, Actor actor, AgentSnapshot snapshot) {
		return publishing(tenant, (announced) -> importer().importSnapshot(announced, tenant, actor, snapshot,
				this.agents.findByName(tenant, snapshot.agent().name()), "agent.import", Map.of()));
	}

	SnapshotImporter importer() {
		return new SnapshotImporter(this, this.agents, this.rules, this.scenarios, this.validator, this.ruleFactory,
				this.embeddings, this.tools);
	}

	/**
	 * Runs one change in a transaction, then announces what it changed to every instance:
	 * only once committed, so that no instance reloads the configuration before the
	 * change is visible.
	 * @param work the change, given the list to add its announcements to
	 */
	<T> T publishing(TenantId tenant, Function<List<ConfigurationChanged>, T> work) {
		List<ConfigurationChanged> announced = new ArrayList<>();
		T result = this.transactions.atomically(tenant, () -> work.apply(announced));
		// here at once: the announcement may come back through another server
		this.agentLists.forget(tenant);
		announced.forEach(this.changes::publish);
		return result;
	}

	/**
	 * Records a written change: the agent's next version and the audit record, and the
	 * announcement to publish once committed.
	 * @param announced the announcements of the running change
	 * @param action the audited action; its first word is the kind of object announced
	 * @param agentId the agent the change belongs to
	 * @param objectId the object changed
	 * @param details short facts for the audit, the agent id and its new version added
	 * @return the new version
	 */
	AgentVersion changed(List<ConfigurationChanged> announced, TenantId tenant, Actor actor, String action,
			String agentId, String objectId, Map<String, String> details) {
		String kind = action.substring(0, action.indexOf('.'));
		announced.add(new ConfigurationChanged(tenant, agentId, kind, objectId));
		return audited(tenant, actor, action, agentId, objectId, details, summary(action, details));
	}

	/**
	 * Appends the agent's next version, holding its configuration as it now is, and the
	 * audit record of the change: who, the version it published and what it changed (the
	 * diff from the previous version, by field names, never values). A concurrent change
	 * that took the number first makes the store refuse it.
	 */
	AgentVersion audited(TenantId tenant, Actor actor, String action, String agentId, String objectId,
			Map<String, String> details, String summary) {
		Agent agent = this.agents.find(tenant, agentId).orElseThrow(() -> new UnknownObjectException("agent", agentId));
		Optional<AgentVersion> previous = this.versions.latest(tenant, agentId);
		AgentSnapshot now = export(tenant, agent);
		AgentVersion version = new AgentVersion(tenant, agentId, previous.map((v) -> v.number() + 1).orElse(1L),
				actor.id(), summary, this.clock.instant(), this.format.write(now));
		this.versions.append(version);
		Map<String, String> facts = new LinkedHashMap<>(details);
		facts.put("agent", agentId);
		facts.put("agent_version", String.valueOf(version.number()));
		facts.put("changes",
				previous
					.map((before) -> DocumentDiff
						.between(before.number(), version.number(),
								this.format.tree(this.format.read(before.document())), this.format.tree(now))
						.summary())
					.orElse("first version"));
		this.audit.append(AuditRecord.change(tenant, actor, action, objectId, facts, this.clock.instant()));
		return version;
	}

	private static String summary(String action, Map<String, String> details) {
		StringBuilder summary = new StringBuilder(action);
		if (details.get("name") != null) {
			summary.append(' ').append(details.get("name"));
		}
		if (details.get("restored_version") != null) {
			summary.append(" to version ").append(details.get("restored_version"));
		}
		return summary.toString();
	}

	ConfigurationTransactions transactions() {
		return this.transactions;
	}

	AgentDocumentFormat format() {
		return this.format;
	}

	AgentVersionStore versionStore() {
		return this.versions;
	}

	AuditLog audit() {
		return this.audit;
	}

	Clock clock() {
		return this.clock;
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
