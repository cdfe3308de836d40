package io.ruche.brain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.testing.InMemoryBrain;
import io.ruche.brain.testing.ScriptedModel;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import org.junit.jupiter.api.Test;

import static io.ruche.brain.testing.Fixtures.AGENT;
import static io.ruche.brain.testing.Fixtures.TENANT;
import static io.ruche.brain.testing.Fixtures.field;
import static io.ruche.brain.testing.Fixtures.rule;
import static io.ruche.brain.testing.Fixtures.scenario;
import static io.ruche.brain.testing.Fixtures.step;
import static io.ruche.brain.testing.Fixtures.terminal;
import static org.assertj.core.api.Assertions.assertThat;

class TurnPipelineTests {

	private static final Actor KEY_1 = Actor.key("key_1", Role.CLIENT);

	private final InMemoryBrain brain = new InMemoryBrain();

	TurnPipelineTests() {
		this.brain.agents.save(new Agent(TENANT, AGENT, "support", "help desk", "You are a helpful support agent.",
				new AgentSettings("Let me check and come back to you.", 1, Map.of()), List.of(), 0, Instant.EPOCH));
		this.brain.addRule(rule("hours", "customer asks about the shop opening hours", RuleScope.GLOBAL, null,
				List.of(), new Template("We are open 9 to 17{{ name }}.", TemplateMode.EXCLUSIVE)));
		this.brain.addRule(rule("no_guarantee", "customer asks for a guarantee or promise", RuleScope.GLOBAL, null,
				List.of("!response.contains(\"guarantee\")"),
				new Template("I cannot promise that, but I will do my best.", TemplateMode.FALLBACK)));
	}

	private TurnPipeline pipeline(ScriptedModel model) {
		return TurnPipeline.create(PipelineSettings.DEFAULTS, this.brain.ports().languageModel(model).build());
	}

	// The purposes of the model calls, in order, as the metrics receive them.
	private static TurnMetrics recordingPurposes(List<String> purposes) {
		return new TurnMetrics() {
			@Override
			public void modelCall(String purpose, long nanos, int inputTokens, int outputTokens) {
				purposes.add(purpose);
			}
		};
	}

	private TurnPipeline pipelineWithoutModel() {
		return TurnPipeline.create(PipelineSettings.DEFAULTS, this.brain.ports().build());
	}

	private static <T> T completed(TurnOutcome<T> outcome) {
		assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
		return ((TurnOutcome.Completed<T>) outcome).result();
	}

	@Test
	void anExclusiveTemplateRepliesWithoutAnyModelCall() {
		ScriptedModel model = new ScriptedModel("model reply");
		List<String> progress = new ArrayList<>();
		ConverseRequest request = new ConverseRequest(TENANT, KEY_1, "support", "what are the shop opening hours?",
				null, null, null, null, (phase, i, total) -> progress.add(phase));

		ConverseResult result = completed(pipeline(model).converse(request));

		assertThat(result.mode()).isEqualTo(ReplyMode.TEMPLATE);
		assertThat(result.response()).isEqualTo("We are open 9 to 17.");
		assertThat(model.calls()).isZero();
		assertThat(result.turn()).isEqualTo(1);
		assertThat(result.matchedRules()).extracting(m -> m.name()).first().isEqualTo("hours");
		assertThat(result.enforcement().passed()).isTrue();
		Trace trace = this.brain.turns.trace(TENANT, result.trace()).orElseThrow();
		assertThat(trace.phases()).extracting(Trace.Phase::name)
			.containsExactly("context", "situation", "field_updates", "scenario_navigation", "retrieval",
					"rule_filtering", "relationships", "tools", "generation", "enforcement", "persistence");
		assertThat(progress).hasSize(11);
		assertThat(this.brain.audit.records).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("turn.converse");
			assertThat(r.actor()).isEqualTo("key_1");
			assertThat(r.details()).containsEntry("role", "client");
		});
	}

	@Test
	void aSecondMessageContinuesTheSession() {
		TurnPipeline pipeline = pipeline(new ScriptedModel("fine"));
		ConverseResult first = completed(pipeline.converse(ConverseRequest.of(TENANT, "support", "hello there")));

		ConverseResult second = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "and now?").inSession(first.session())));

		assertThat(second.session()).isEqualTo(first.session());
		assertThat(second.turn()).isEqualTo(2);
		assertThat(this.brain.turns.turns(TENANT, first.session())).hasSize(2);
	}

	@Test
	void aBrokenConstraintIsRegeneratedThenReplacedByTheRulesFallback() {
		ScriptedModel model = new ScriptedModel("We guarantee delivery.", "I guarantee it, really.");
		List<String> purposes = new ArrayList<>();
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().languageModel(model).metrics(recordingPurposes(purposes)).build());

		ConverseResult result = completed(pipeline
			.converse(ConverseRequest.of(TENANT, "support", "can you give a guarantee or promise of delivery?")));

		assertThat(result.mode()).isEqualTo(ReplyMode.FALLBACK);
		assertThat(result.response()).isEqualTo("I cannot promise that, but I will do my best.");
		assertThat(result.enforcement().regenerations()).isEqualTo(1);
		assertThat(result.enforcement().violations()).extracting(v -> v.rule()).containsExactly("no_guarantee");
		assertThat(model.calls()).isEqualTo(2);
		assertThat(model.requests.get(1).system()).contains("!response.contains(\"guarantee\")");
		// each call counted once: in the trace and in the metrics
		assertThat(purposes).containsExactly("generation", "regeneration");
		Trace trace = this.brain.turns.trace(TENANT, result.trace()).orElseThrow();
		assertThat(trace.phases()).filteredOn((p) -> p.name().equals("persistence"))
			.singleElement()
			.satisfies((p) -> assertThat(p.decisions()).containsEntry("model_calls", 2));
	}

	@Test
	void theClientsSamplingRepliesWhenNoModelIsConfigured() {
		ReplySampler sampler = request -> new ModelReply("Sampled answer.", 0, 0);

		ConverseResult result = completed(pipelineWithoutModel()
			.converse(ConverseRequest.of(TENANT, "support", "tell me something").withSampler(sampler)));

		assertThat(result.mode()).isEqualTo(ReplyMode.SAMPLING);
		assertThat(result.response()).isEqualTo("Sampled answer.");
	}

	@Test
	void withoutModelSamplingOrTemplateTheAgentsFallbackTextReplies() {
		ConverseResult result = completed(
				pipelineWithoutModel().converse(ConverseRequest.of(TENANT, "support", "tell me something")));

		assertThat(result.mode()).isEqualTo(ReplyMode.FALLBACK);
		assertThat(result.response()).isEqualTo("Let me check and come back to you.");
	}

	@Test
	void withoutModelSamplingTemplateOrFallbackTextTheTurnSaysNoModelIsAvailableAndIsRecorded() {
		this.brain.agents.save(new Agent(TENANT, AGENT, "support", "help desk", "You help.",
				new AgentSettings(null, 1, Map.of()), List.of(), 1, Instant.EPOCH));

		TurnOutcome<ConverseResult> outcome = pipelineWithoutModel()
			.converse(ConverseRequest.of(TENANT, "support", "tell me something"));

		assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.NoModelAvailable.class,
				(none) -> assertThat(this.brain.turns.turns(TENANT, none.session())).singleElement()
					.satisfies((turn) -> assertThat(turn.mode()).isEqualTo("error")));
	}

	@Test
	void unknownAgentsAndSessionsAreExpectedFailures() {
		TurnPipeline pipeline = pipeline(new ScriptedModel("x"));

		TurnOutcome<ConverseResult> noAgent = pipeline.converse(ConverseRequest.of(TENANT, "nobody", "hi"));
		TurnOutcome<ConverseResult> noSession = pipeline
			.converse(ConverseRequest.of(TENANT, "support", "hi").inSession("ses_missing"));

		assertThat(noAgent).isEqualTo(new TurnOutcome.UnknownAgent<>("nobody"));
		assertThat(noSession).isEqualTo(new TurnOutcome.UnknownSession<>("ses_missing"));
	}

	@Test
	void guidanceThenEnforceChecksAndCommitsTheClientsDraft() {
		ScriptedModel model = new ScriptedModel("unused");
		TurnPipeline pipeline = pipeline(model);

		GuidanceResult guidance = completed(pipeline.guidance(new GuidanceRequest(TENANT, KEY_1, "support",
				"can you give a guarantee or promise?", null, null, null, null)));
		EnforceResult rejected = completed(pipeline
			.enforce(new EnforceRequest(TENANT, KEY_1, null, "We guarantee it.", guidance.session(), true)));
		EnforceResult accepted = completed(pipeline
			.enforce(new EnforceRequest(TENANT, KEY_1, null, "We will do our best.", guidance.session(), true)));

		assertThat(model.calls()).isZero();
		assertThat(guidance.instructions()).contains("You are a helpful support agent.");
		assertThat(guidance.constraints()).extracting(c -> c.expression())
			.containsExactly("!response.contains(\"guarantee\")");
		assertThat(rejected.passed()).isFalse();
		assertThat(rejected.committed()).isFalse();
		assertThat(rejected.violations()).extracting(v -> v.rule()).containsExactly("no_guarantee");
		assertThat(accepted.passed()).isTrue();
		assertThat(accepted.committed()).isTrue();
		assertThat(this.brain.turns.turns(TENANT, guidance.session())).singleElement()
			.satisfies(turn -> assertThat(turn.response()).isEqualTo("We will do our best."));
	}

	@Test
	void aScenarioIsEnteredAdvancedByItsConditionAndItsStepRulesApplyOnlyThere() {
		this.brain.addScenario(scenario("returns", "customer wants to return a product",
				List.of(step("ask_order", List.of(field("order_number", "(\\d{6})")),
						List.of(new Transition("confirm", "has(variables.order_number)", null))),
						terminal("confirm"))));
		this.brain.addRule(rule("confirm_tone", "anything", RuleScope.STEP, "confirm",
				List.of("response.contains(variables.order_number)"), null));
		ScriptedModel model = new ScriptedModel("Which order is it?", "Your return is registered.",
				"Return of 123456 is registered.");
		TurnPipeline pipeline = pipeline(model);

		ConverseResult entered = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "I want to return a product")));
		ConverseResult advanced = completed(pipeline
			.converse(ConverseRequest.of(TENANT, "support", "it is order 123456").inSession(entered.session())));

		assertThat(entered.scenario()).isEqualTo(new ScenarioPosition("returns", "returns", "ask_order"));
		assertThat(entered.enforcement().regenerations()).isZero();
		assertThat(advanced.scenario()).isEqualTo(new ScenarioPosition("returns", "returns", "confirm"));
		assertThat(advanced.enforcement().regenerations()).isEqualTo(1);
		assertThat(advanced.response()).isEqualTo("Return of 123456 is registered.");
		assertThat(this.brain.sessions.find(TENANT, entered.session()).orElseThrow().state().variables())
			.containsEntry("order_number", "123456");
	}

	@Test
	void aRuleAtItsFiringLimitIsNotRetrievedAgain() {
		this.brain.addRule(new io.ruche.brain.model.Rule(TENANT, AGENT, "once", "once",
				new io.ruche.brain.model.Rule.RuleContent("customer says goodbye and thanks", "say goodbye",
						RuleScope.GLOBAL, null, null, List.of(), List.of(),
						new io.ruche.brain.model.Rule.FiringLimits(1, 0)),
				0, true, 1, null, Instant.EPOCH));
		TurnPipeline pipeline = pipeline(new ScriptedModel("Bye!"));
		ConverseResult first = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "goodbye and thanks")));

		ConverseResult second = completed(pipeline
			.converse(ConverseRequest.of(TENANT, "support", "goodbye and thanks").inSession(first.session())));

		assertThat(first.matchedRules()).extracting(m -> m.name()).contains("once");
		assertThat(second.matchedRules()).extracting(m -> m.name()).doesNotContain("once");
	}

	@Test
	void aBroadcastChangeRefreshesTheAgentSnapshot() {
		List<java.util.function.Consumer<io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged>> listeners = new ArrayList<>();
		io.ruche.kernel.port.ChangeBroadcast broadcast = new io.ruche.kernel.port.ChangeBroadcast() {
			@Override
			public void publish(ConfigurationChanged change) {
				listeners.forEach(l -> l.accept(change));
			}

			@Override
			public void subscribe(java.util.function.Consumer<ConfigurationChanged> listener) {
				listeners.add(listener);
			}
		};
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().changes(broadcast).build());
		completed(pipeline.converse(ConverseRequest.of(TENANT, "support", "what are the shop opening hours?")));
		this.brain.rules.delete(TENANT, AGENT, "hours");

		broadcast
			.publish(new io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged(TENANT, AGENT, "rule", "hours"));
		TurnOutcome<ConverseResult> after = pipeline
			.converse(ConverseRequest.of(TENANT, "support", "what are the shop opening hours?"));

		// The exclusive template is gone with its rule: the agent's fallback text
		// answers.
		assertThat(completed(after).mode()).isEqualTo(ReplyMode.FALLBACK);
	}

	@Test
	void theModelRuleFilterDropsAConfidentlyUnrelatedRuleAndKeepsTheRest() {
		this.brain.agents.save(new Agent(TENANT, AGENT, "support", "help desk", "You help.",
				new AgentSettings(null, 1, Map.of("rule_filter", "model")), List.of(), 1, Instant.EPOCH));
		ScriptedModel model = new ScriptedModel("1 NOT_RELATED 0.95", "Here are our hours.");
		ConverseRequest request = new ConverseRequest(TENANT, KEY_1, "support", "what are the shop opening hours?",
				null, null, null, null, null);

		ConverseResult result = completed(pipeline(model).converse(request));

		assertThat(model.calls()).isEqualTo(2);
		assertThat(model.requests.get(0).messages().get(0).content()).contains("1. When customer asks about the shop");
		assertThat(result.matchedRules()).extracting((m) -> m.name()).doesNotContain("hours");
		assertThat(result.mode()).isEqualTo(ReplyMode.LLM);
		Trace trace = this.brain.turns.trace(TENANT, result.trace()).orElseThrow();
		assertThat(trace.phases()).filteredOn((p) -> p.name().equals("rule_filtering"))
			.singleElement()
			.satisfies((p) -> assertThat(p.decisions().get("verdicts").toString()).contains("hours=NOT_RELATED 0.95"));
	}

	@Test
	void theRuleFilterIsOffUnlessTheAgentTurnsItOn() {
		ScriptedModel model = new ScriptedModel("1 NOT_RELATED 0.95");

		ConverseResult result = completed(pipeline(model).converse(new ConverseRequest(TENANT, KEY_1, "support",
				"what are the shop opening hours?", null, null, null, null, null)));

		assertThat(model.calls()).isZero();
		assertThat(result.matchedRules()).extracting((m) -> m.name()).contains("hours");
	}

	@Test
	void aFieldWithoutAPatternIsExtractedByTheModelOnConverseOnly() {
		this.brain.addScenario(
				scenario(
						"delivery", "customer wants to change where the parcel goes", List.of(
								step("ask_city", List.of(field("city", null)),
										List.of(new Transition("done", "has(variables.city)", null))),
								terminal("done"))));
		ScriptedModel model = new ScriptedModel("Which city?", "city=Lyon", "Noted, Lyon.");
		TurnPipeline pipeline = pipeline(model);
		ConverseResult entered = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "I want to change where my parcel goes")));

		ConverseResult answered = completed(pipeline.converse(
				ConverseRequest.of(TENANT, "support", "please send it to Lyon instead").inSession(entered.session())));

		assertThat(model.requests.get(1).messages().get(0).content()).contains("- city: city")
			.contains("send it to Lyon");
		assertThat(this.brain.sessions.find(TENANT, entered.session()).orElseThrow().state().variables())
			.containsEntry("city", "Lyon");
		assertThat(answered.scenario()).isEqualTo(new ScenarioPosition("delivery", "delivery", "done"));
	}

	@Test
	void aCloseTransitionIsAdjudicatedWithOneModelCallCountedInTheTraceAndTheMetrics() {
		this.brain
			.addScenario(
					scenario(
							"delivery", "customer wants to change a delivery", List.of(
									step("choose", List.of(),
											List.of(new Transition("home", null, "customer wants delivery at home"),
													new Transition("locker", null,
															"customer wants delivery at a locker"))),
									terminal("home"), terminal("locker"))));
		ScriptedModel model = new ScriptedModel("Where to?", "2", "Noted, a locker.");
		List<String> purposes = new ArrayList<>();
		TurnPipeline pipeline = TurnPipeline.create(PipelineSettings.DEFAULTS,
				this.brain.ports().languageModel(model).metrics(recordingPurposes(purposes)).build());
		ConverseResult entered = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "I need to change a delivery please")));

		ConverseResult chosen = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "wants delivery at home or at a locker")
					.inSession(entered.session())));

		assertThat(chosen.scenario()).isEqualTo(new ScenarioPosition("delivery", "delivery", "locker"));
		assertThat(model.calls()).isEqualTo(3);
		assertThat(purposes).containsExactly("generation", "transition", "generation");
		Trace trace = this.brain.turns.trace(TENANT, chosen.trace()).orElseThrow();
		assertThat(trace.phases()).filteredOn((p) -> p.name().equals("persistence"))
			.singleElement()
			.satisfies((p) -> assertThat(p.decisions()).containsEntry("model_calls", 2));
	}

	@Test
	void theJudgeChecksTheMatchedRulesWithoutConstraintsAndItsCallsAreCounted() {
		this.brain.addRule(
				rule("polite", "customer asks about the parcel delivery", RuleScope.GLOBAL, null, List.of(), null));
		ScriptedModel model = new ScriptedModel("It ships tomorrow.", "PASS");
		List<String> purposes = new ArrayList<>();
		TurnPipeline pipeline = TurnPipeline.create(
				new PipelineSettings(PipelineSettings.DEFAULTS.turnWait(), 0.7, 1024, true),
				this.brain.ports().languageModel(model).metrics(recordingPurposes(purposes)).build());

		ConverseResult result = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "customer asks about the parcel delivery")));

		assertThat(result.matchedRules()).extracting((m) -> m.name()).containsExactly("polite");
		assertThat(model.requests.get(1).system()).startsWith("You are a compliance judge");
		assertThat(purposes).containsExactly("generation", "judge");
		Trace trace = this.brain.turns.trace(TENANT, result.trace()).orElseThrow();
		assertThat(trace.phases()).filteredOn((p) -> p.name().equals("persistence"))
			.singleElement()
			.satisfies((p) -> assertThat(p.decisions()).containsEntry("model_calls", 2));
	}

	@Test
	void theJudgeLeavesAnExclusiveTemplateAlone() {
		ScriptedModel model = new ScriptedModel("FAIL: not allowed");
		TurnPipeline pipeline = TurnPipeline.create(
				new PipelineSettings(PipelineSettings.DEFAULTS.turnWait(), 0.7, 1024, true),
				this.brain.ports().languageModel(model).build());

		ConverseResult result = completed(
				pipeline.converse(ConverseRequest.of(TENANT, "support", "what are the shop opening hours?")));

		assertThat(result.mode()).isEqualTo(ReplyMode.TEMPLATE);
		assertThat(result.response()).isEqualTo("We are open 9 to 17.");
		assertThat(model.calls()).isZero();
	}

	@Test
	void relationsAddImpliedRulesAndRemoveExcludedOnes() {
		this.brain.addRule(new io.ruche.brain.model.Rule(TENANT, AGENT, "greet", "greet",
				new io.ruche.brain.model.Rule.RuleContent("customer asks about the shop opening hours today",
						"greet the customer", RuleScope.GLOBAL, null, null, List.of(), List.of(),
						io.ruche.brain.model.Rule.FiringLimits.NONE,
						List.of(new io.ruche.brain.model.Rule.Relation(io.ruche.brain.model.Rule.RelationKind.IMPLIES,
								"holidays"),
								new io.ruche.brain.model.Rule.Relation(io.ruche.brain.model.Rule.RelationKind.EXCLUDES,
										"hours"))),
				50, true, 1, null, Instant.EPOCH));
		this.brain
			.addRule(rule("holidays", "customer asks about bank holidays", RuleScope.GLOBAL, null, List.of(), null));
		ScriptedModel model = new ScriptedModel("Hello! We are closed on bank holidays.");

		ConverseResult result = completed(pipeline(model).converse(new ConverseRequest(TENANT, KEY_1, "support",
				"what are the shop opening hours today?", null, null, null, null, null)));

		assertThat(result.matchedRules()).extracting((m) -> m.name())
			.contains("greet", "holidays")
			.doesNotContain("hours");
		Trace trace = this.brain.turns.trace(TENANT, result.trace()).orElseThrow();
		assertThat(trace.phases()).filteredOn((p) -> p.name().equals("relationships"))
			.singleElement()
			.satisfies((p) -> assertThat(p.decisions().get("excluded").toString()).contains("hours"));
	}

}
