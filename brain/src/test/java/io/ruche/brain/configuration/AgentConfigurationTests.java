package io.ruche.brain.configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ruche.brain.expression.ExpressionCheck;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.brain.testing.SnapshotDocuments;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.store.StoreConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class AgentConfigurationTests {

	private static final TenantId TENANT = TenantId.of("acme");

	private static final Actor BUILDER = Actor.key("key_builder", Role.BUILDER);

	private final InMemoryBrain brain = new InMemoryBrain();

	private final List<ChangeBroadcast.ConfigurationChanged> changes = new ArrayList<>();

	private final SnapshotDocuments documents = new SnapshotDocuments();

	private AgentConfiguration configuration;

	@BeforeEach
	void setUp() {
		this.configuration = this.brain.configuration(this.documents, this.changes);
		this.configuration.upsertAgent(TENANT, BUILDER,
				new AgentDraft("shop", "A shop", "You help customers.", null, null));
	}

	@Test
	void listsAnAgentAsSoonAsItIsCreatedAndNotOnceDeleted() {
		assertThat(this.configuration.listAgents(TENANT)).extracting(Agent::name).containsExactly("shop");

		this.configuration.upsertAgent(TENANT, BUILDER, new AgentDraft("desk", "A help desk", "You help.", null, null));
		List<String> afterCreate = this.configuration.listAgents(TENANT).stream().map(Agent::name).toList();
		this.configuration.deleteAgent(TENANT, BUILDER, "shop");
		List<String> afterDelete = this.configuration.listAgents(TENANT).stream().map(Agent::name).toList();

		assertThat(afterCreate).containsExactlyInAnyOrder("desk", "shop");
		assertThat(afterDelete).containsExactly("desk");
	}

	@Test
	void auditsEveryChangeWithTheKeyAndItsRole() { // ISSUE-9 (hole 11)
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));
		var scenario = this.configuration.upsertScenario(TENANT, BUILDER, "shop", returnScenario());
		this.configuration.deleteRule(TENANT, BUILDER, "shop", refunds.id());
		this.configuration.deleteScenario(TENANT, BUILDER, "shop", scenario.id());
		this.configuration.importAgent(TENANT, BUILDER, this.configuration.export(TENANT, "shop"));

		List<AuditRecord> records = this.brain.audit.records;
		assertThat(records).extracting(AuditRecord::action, AuditRecord::subject)
			.containsExactly(tuple("agent.upsert", agentId()), tuple("rule.upsert", refunds.id()),
					tuple("scenario.upsert", scenario.id()), tuple("rule.delete", refunds.id()),
					tuple("scenario.delete", scenario.id()), tuple("agent.import", agentId()));
		assertThat(records).allSatisfy((r) -> {
			assertThat(r.actor()).isEqualTo("key_builder");
			assertThat(r.details()).containsEntry("role", "builder").containsEntry("agent", agentId());
		});
	}

	@Test
	void refusesUnknownOrMalformedTurnSettingsNamingEachAndKeepsTheAgent() {
		AgentDraft misspelt = new AgentDraft("shop", null, null, new AgentSettings(null, 1, java.util.Map
			.of("selection.scenarios.floor", "0.3", "scenario.entry_treshold", "0.4", "selection.rules.floor", "high")),
				null);
		AgentDraft malformed = new AgentDraft("shop", null, null,
				new AgentSettings(null, 1, java.util.Map.of("rule_filter", "yes", "model", "any free-form value")),
				null);

		assertThatThrownBy(() -> this.configuration.upsertAgent(TENANT, BUILDER, misspelt))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.hasSize(3)
			.anySatisfy((p) -> assertThat((String) p)
				.contains("unknown setting 'selection.scenarios.floor' (scenario entry is not a selection"))
			.anySatisfy((p) -> assertThat((String) p).contains("unknown setting 'scenario.entry_treshold'")
				.contains("scenario.entry_threshold"))
			.anySatisfy((p) -> assertThat((String) p).contains("selection.rules.floor must be a number, was 'high'"));
		assertThatThrownBy(() -> this.configuration.upsertAgent(TENANT, BUILDER, malformed))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.singleElement()
			.satisfies((p) -> assertThat((String) p).contains("rule_filter must be 'model' or 'off', was 'yes'"));
		assertThat(this.configuration.agent(TENANT, "shop").settings().extra()).isEmpty();
	}

	@Test
	void refusesAnUnknownAccumulationOrAWindowOutOfBoundsAndKeepsAValidOne() {
		AgentDraft wrong = new AgentDraft("shop", null, null, new AgentSettings(null, 1,
				java.util.Map.of("accumulation", "batch", "accumulation_window", "20", "accumulation_windw", "500")),
				null);
		AgentDraft merging = new AgentDraft("shop", null, null,
				new AgentSettings(null, 1, java.util.Map.of("accumulation", "merge", "accumulation_window", "1500")),
				null);

		assertThatThrownBy(() -> this.configuration.upsertAgent(TENANT, BUILDER, wrong))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.hasSize(2)
			.anySatisfy((p) -> assertThat((String) p).contains("unknown setting 'accumulation_windw'")
				.contains("accumulation_window"))
			.anySatisfy((p) -> assertThat((String) p)
				.contains("accumulation must be queue, merge or supersede, was 'batch'"));
		this.configuration.upsertAgent(TENANT, BUILDER, merging);

		assertThat(Accumulation.from(this.configuration.agent(TENANT, "shop").settings().extra()))
			.isEqualTo(new Accumulation(Accumulation.Mode.MERGE, Duration.ofMillis(1500)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Accumulation.from(java.util.Map.of("accumulation_window", "20000")))
			.withMessage("accumulation_window must be between 50 and 10000 milliseconds, was 20000");
	}

	@Test
	void refusesARuleListingEveryProblemAndWritesNothing() {
		RuleDraft draft = rule("broken", RuleScope.STEP, "nowhere", List.of("size(response) <=", "response.size()"),
				250);

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop", draft))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.hasSize(4)
			.anySatisfy((p) -> assertThat((String) p).contains("priority must be between -100 and 100"))
			.anySatisfy((p) -> assertThat((String) p).contains("scope_ref 'nowhere' matches no step"))
			.anySatisfy((p) -> assertThat((String) p).contains("invalid constraint `size(response) <=`"));
		assertThat(this.brain.rules.embedded(TENANT, agentId())).isEmpty();
	}

	@Test
	void refusesASecondRuleWithTheSameName() {
		this.configuration.upsertRule(TENANT, BUILDER, "shop", rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0)))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("already exists")
			.hasMessageContaining("pass its id");
	}

	@Test
	void refusesAStaleVersion() {
		Rule stored = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));
		RuleDraft stale = new RuleDraft(stored.id(), "refunds", stored.content(), 1, true, stored.version() + 7);

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop", stale))
			.isInstanceOf(StoreConflictException.class)
			.hasMessageContaining("read it again");
	}

	@Test
	void resolvesStepScopesToScenarioAndStepIds() {
		var scenario = this.configuration.upsertScenario(TENANT, BUILDER, "shop", returnScenario());

		Rule byStep = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("ask politely", RuleScope.STEP, "ask_order", List.of(), 0));
		Rule byPath = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("confirm", RuleScope.STEP, "return/done", List.of(), 0));
		Rule byName = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("in returns", RuleScope.SCENARIO, "return", List.of(), 0));

		assertThat(byStep.content().scopeRef()).isEqualTo(scenario.id() + "/ask_order");
		assertThat(byPath.content().scopeRef()).isEqualTo(scenario.id() + "/done");
		assertThat(byName.content().scopeRef()).isEqualTo(scenario.id());
		assertThat(this.changes).extracting(ChangeBroadcast.ConfigurationChanged::kind).contains("scenario", "rule");
	}

	@Test
	void exportsPortableReferencesThatImportElsewhere() {
		this.configuration.upsertScenario(TENANT, BUILDER, "shop", returnScenario());
		this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("ask politely", RuleScope.STEP, "ask_order", List.of(), 0));
		AgentSnapshot exported = this.configuration.export(TENANT, "shop");
		TenantId other = TenantId.of("other");
		AgentSnapshot renamed = new AgentSnapshot(new AgentDraft("copy", null, null, null, null), exported.rules(),
				exported.scenarios(), exported.tools());

		var imported = this.configuration.importAgent(other, BUILDER, renamed);

		assertThat(exported.rules().get(0).content().scopeRef()).isEqualTo("return/ask_order");
		assertThat(imported.name()).isEqualTo("copy");
		assertThat(this.configuration.export(other, "copy").rules().get(0).content().scopeRef())
			.isEqualTo("return/ask_order");
	}

	@Test
	void importWritesNothingWhenAnyPartIsInvalid() {
		AgentSnapshot snapshot = new AgentSnapshot(new AgentDraft("fresh", null, null, null, null),
				List.of(rule("fine", RuleScope.GLOBAL, null, List.of(), 0),
						rule("bad", RuleScope.GLOBAL, null, List.of("response.contains("), 0)),
				List.of(returnScenario()), List.of());

		assertThatThrownBy(() -> this.configuration.importAgent(TENANT, BUILDER, snapshot))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rule 'bad'");
		assertThat(this.configuration.listAgents(TENANT)).extracting((a) -> a.name()).containsExactly("shop");
	}

	@Test
	void refusesRelationsToUnknownRulesOrToItself() {
		this.configuration.upsertRule(TENANT, BUILDER, "shop", rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop",
				related("returns", new Relation(RelationKind.DEPENDS_ON, "refunds"),
						new Relation(RelationKind.IMPLIES, "refnds"), new Relation(RelationKind.EXCLUDES, "returns"))))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.containsExactly(
					"rule 'returns': implies names 'refnds', which is not a rule of this agent: create that rule first, or fix the name",
					"rule 'returns': excludes names the rule itself");
		Rule saved = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				related("returns", new Relation(RelationKind.DEPENDS_ON, "refunds")));
		assertThat(saved.content().relations()).containsExactly(new Relation(RelationKind.DEPENDS_ON, "refunds"));
	}

	@Test
	void keepsANamedRuleFromBeingDeletedOrRenamed() {
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));
		Rule returns = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				related("returns", new Relation(RelationKind.IMPLIES, "refunds")));

		assertThatThrownBy(() -> this.configuration.deleteRule(TENANT, BUILDER, "shop", refunds.id()))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rule 'refunds' cannot be deleted: the relations of [returns] name it");
		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop",
				new RuleDraft(refunds.id(), "money back", refunds.content(), 0, true, null)))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rule 'refunds' cannot be renamed");
		assertThat(this.configuration.deleteRule(TENANT, BUILDER, "shop", returns.id())).isTrue();
		assertThat(this.configuration.deleteRule(TENANT, BUILDER, "shop", refunds.id())).isTrue();
	}

	@Test
	void importsRelationsBetweenTheDocumentsRulesInAnyOrder() {
		AgentSnapshot snapshot = new AgentSnapshot(new AgentDraft("fresh", null, null, null, null),
				List.of(related("returns", new Relation(RelationKind.IMPLIES, "refunds")),
						related("refunds", new Relation(RelationKind.EXCLUDES, "returns"))),
				List.of(), List.of());
		AgentSnapshot dangling = new AgentSnapshot(new AgentDraft("other", null, null, null, null),
				List.of(related("returns", new Relation(RelationKind.IMPLIES, "refunds"))), List.of(), List.of());

		this.configuration.importAgent(TENANT, BUILDER, snapshot);

		assertThat(this.configuration.export(TENANT, "fresh").rules()).hasSize(2);
		assertThatThrownBy(() -> this.configuration.importAgent(TENANT, BUILDER, dangling))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("implies names 'refunds', which is not a rule of this agent");
	}

	// ISSUE-9 hole 10: a 30 MiB rule action was stored; every write path goes through
	// these
	// checks
	@Test
	void refusesTextsAndListsAboveTheLimitsNamingEachWithoutEchoingThem() {
		String huge = "x".repeat(4_001);
		RuleDraft draft = new RuleDraft(null, "n".repeat(300), new RuleContent("c", huge, RuleScope.GLOBAL, null, null,
				List.of("true", "true", "true", "true"), List.of(), FiringLimits.NONE), 0, true, null);

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop", draft))
			.isInstanceOf(InvalidConfigurationException.class)
			.extracting((ex) -> ((InvalidConfigurationException) ex).problems(), LIST)
			.anySatisfy(
					(p) -> assertThat((String) p).endsWith("action is 4001 characters long; at most 4000 are allowed"))
			.anySatisfy((p) -> assertThat((String) p).endsWith("constraints has 4 items; at most 3 are allowed"))
			.allSatisfy((p) -> assertThat((String) p).doesNotContain(huge).hasSizeLessThan(400));
		assertThatThrownBy(() -> this.configuration.upsertAgent(TENANT, BUILDER,
				new AgentDraft("shop", null, "p".repeat(16_001), null, null)))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessage("agent 'shop': persona is 16001 characters long; at most 16000 are allowed");
		assertThat(this.brain.rules.embedded(TENANT, agentId())).isEmpty();
	}

	@Test
	void refusesAnImportAboveTheLimitsAndWritesNothing() {
		ScenarioStep step = new ScenarioStep("ask", "Ask", "i".repeat(4_001), List.of(), List.of(), true, List.of(),
				false);
		AgentSnapshot snapshot = new AgentSnapshot(new AgentDraft("imported", "d".repeat(2_001), null, null, null),
				List.of(), List.of(new ScenarioDraft(null, "s", "", "c", null, List.of(step), true, null)), List.of());

		assertThatThrownBy(() -> this.configuration.importAgent(TENANT, BUILDER, snapshot))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("agent 'imported': description is 2001 characters long")
			.hasMessageContaining("scenario 's': step 'ask': instructions is 4001 characters long");
		assertThat(this.configuration.listAgents(TENANT)).extracting((a) -> a.name()).containsExactly("shop");
	}

	// ISSUE-9 hole 4a: patterns only a backtracking engine runs are refused at upsert
	@Test
	void refusesAFieldPatternALinearTimeEngineCannotRun() {
		ScenarioStep ask = new ScenarioStep("ask", "Ask", "Ask the item",
				List.of(new FieldSpec("item", "the item", "(?=pizza)(\\w+)", true, false)), List.of(), true, List.of(),
				false);
		ScenarioDraft draft = new ScenarioDraft(null, "order", "Orders", "The customer orders", null, List.of(ask),
				true, null);

		assertThatThrownBy(() -> this.configuration.upsertScenario(TENANT, BUILDER, "shop", draft))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("step 'ask': field 'item': pattern uses syntax a linear-time engine cannot run");
		assertThat(this.configuration.listScenarios(TENANT, "shop")).isEmpty();
	}

	@Test
	void publishesANumberedVersionWithAuthorAndSummaryForEveryChange() {
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));
		this.configuration.deleteRule(TENANT, BUILDER, "shop", refunds.id());

		List<AgentVersion> versions = this.configuration.versions().list(TENANT, "shop", PageRequest.first(10)).items();

		assertThat(versions).extracting(AgentVersion::number, AgentVersion::author, AgentVersion::summary)
			.containsExactly(tuple(3L, "key_builder", "rule.delete refunds"),
					tuple(2L, "key_builder", "rule.upsert refunds"), tuple(1L, "key_builder", "agent.upsert shop"));
		assertThat(this.documents.read(versions.get(1).document()).rules()).extracting(RuleDraft::name)
			.containsExactly("refunds");
		assertThat(this.brain.audit.records).extracting((r) -> r.details().get("agent_version"))
			.containsExactly("1", "2", "3");
		assertThat(this.brain.audit.records).extracting((r) -> r.details().get("changes"))
			.containsExactly("first version", "rule 'refunds' added", "rule 'refunds' removed");
	}

	@Test
	void diffNamesTheChangedFieldAndRollbackRestoresTheEarlierRules() {
		Rule refunds = this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0));
		this.configuration.upsertRule(TENANT, BUILDER, "shop",
				new RuleDraft(refunds.id(), "refunds", new RuleContent(refunds.content().condition(),
						"Refuse every refund", RuleScope.GLOBAL, null, null, List.of(), List.of(), FiringLimits.NONE),
						0, true, null));
		this.configuration.upsertRule(TENANT, BUILDER, "shop", rule("delivery", RuleScope.GLOBAL, null, List.of(), 0));

		AgentDiff diff = this.configuration.versions().diff(TENANT, "shop", 2, 4);
		AgentVersion restored = this.configuration.versions().rollback(TENANT, BUILDER, "shop", 2);

		assertThat(diff.rules()).extracting(AgentDiff.ObjectChange::name, AgentDiff.ObjectChange::change)
			.containsExactly(tuple("refunds", AgentDiff.ChangeKind.CHANGED),
					tuple("delivery", AgentDiff.ChangeKind.ADDED));
		assertThat(diff.rules().get(0).fields())
			.containsExactly(new AgentDiff.FieldChange("action", "Answer about refunds", "Refuse every refund"));
		assertThat(restored.number()).isEqualTo(5);
		assertThat(restored.summary()).isEqualTo("agent.rollback shop to version 2");
		assertThat(this.configuration.versions().diff(TENANT, "shop", 2, 5).rules()).isEmpty();
		assertThat(this.configuration.rule(TENANT, "shop", refunds.id()).content().action())
			.isEqualTo("Answer about refunds");
		assertThat(this.brain.audit.records.getLast().action()).isEqualTo("agent.rollback");
		assertThat(this.brain.audit.records.getLast().details()).containsEntry("agent_version", "5")
			.containsEntry("restored_version", "2")
			.containsEntry("changes", "rule 'delivery' removed; rule 'refunds' changed: action");
	}

	@Test
	void aChangeThatLosesTheRaceForItsVersionNumberIsRefusedAndNotAnnounced() {
		this.brain.versions.publishConcurrently("key_other");
		int announced = this.changes.size();

		assertThatThrownBy(() -> this.configuration.upsertRule(TENANT, BUILDER, "shop",
				rule("refunds", RuleScope.GLOBAL, null, List.of(), 0)))
			.isInstanceOf(StoreConflictException.class);
		assertThat(this.changes).hasSize(announced);
	}

	@Test
	void refusesAnUnknownVersion() {
		assertThatThrownBy(() -> this.configuration.versions().rollback(TENANT, BUILDER, "shop", 9))
			.isInstanceOf(UnknownObjectException.class)
			.hasMessageContaining("shop@9");
	}

	private String agentId() {
		return this.configuration.agent(TENANT, "shop").id();
	}

	private static RuleDraft rule(String name, RuleScope scope, String scopeRef, List<String> constraints,
			int priority) {
		return new RuleDraft(null, name, new RuleContent("The customer asks about " + name, "Answer about " + name,
				scope, scopeRef, null, constraints, List.of(), FiringLimits.NONE), priority, true, null);
	}

	private static RuleDraft related(String name, Relation... relations) {
		return new RuleDraft(null, name, new RuleContent("The customer asks about " + name, "Answer about " + name,
				RuleScope.GLOBAL, null, null, List.of(), List.of(), FiringLimits.NONE, List.of(relations)), 0, true,
				null);
	}

	@Test
	void refusesExitConditionsThatReadAsCelAndDoNotCompileAndKeepsPlainLanguageOnes() {
		ScenarioStep ask = new ScenarioStep("ask", "Ask", "Ask the order", List.of(), List.of(), false, List.of(),
				false, null, List.of("has(variables.order_number", "The customer wants to keep the item"));
		ScenarioStep done = new ScenarioStep("done", "Done", "Confirm", List.of(), List.of(), true, List.of(), false);
		ScenarioDraft broken = new ScenarioDraft(null, "return", "Returns", "The customer wants to return an item",
				null, List.of(ask, done), List.of("variables.order_number ==", " ", "x".repeat(4_001)), true, null);

		assertThatThrownBy(() -> this.configuration.upsertScenario(TENANT, BUILDER, "shop", broken))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("scenario 'return': invalid exit condition `variables.order_number ==` (read as CEL")
			.hasMessageContaining("scenario 'return': step 'ask': invalid exit condition `has(variables.order_number`")
			.hasMessageContaining("exit_conditions must not hold a blank condition")
			.hasMessageContaining("an exit condition is 4001 characters long")
			.hasMessageNotContaining("keep the item");
		assertThat(this.configuration.listScenarios(TENANT, "shop")).isEmpty();

		ScenarioStep fixedAsk = new ScenarioStep("ask", "Ask", "Ask the order", List.of(), List.of(), false, List.of(),
				false, null, List.of("The customer wants to keep the item"));
		ScenarioDraft fixed = new ScenarioDraft(null, "return", "Returns", "The customer wants to return an item", null,
				List.of(fixedAsk, done), List.of("variables.order_number == \"00000\""), true, null);
		var stored = this.configuration.upsertScenario(TENANT, BUILDER, "shop", fixed);
		assertThat(stored.exitConditions()).containsExactly("variables.order_number == \"00000\"");
		assertThat(stored.step("ask").orElseThrow().exitConditions())
			.containsExactly("The customer wants to keep the item");
	}

	private static ScenarioDraft returnScenario() {
		ScenarioStep ask = new ScenarioStep("ask_order", "Ask", "Ask the order number",
				List.of(new FieldSpec("order_number", "the order", "([0-9]{6})", true, false)),
				List.of(new Transition("done", "has(variables.order_number)", null)), false, List.of(), false);
		ScenarioStep done = new ScenarioStep("done", "Done", "Confirm", List.of(), List.of(), true, List.of(), false);
		return new ScenarioDraft(null, "return", "Returns", "The customer wants to return an item", null,
				List.of(ask, done), true, null);
	}

}
