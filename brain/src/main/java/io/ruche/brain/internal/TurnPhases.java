package io.ruche.brain.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelUnavailableException;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.scenario.CancelIntent;
import io.ruche.brain.scenario.FieldExtraction;
import io.ruche.brain.scenario.FlowHistory;
import io.ruche.brain.scenario.Navigation;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.ScenarioNavigator;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.TransitionJudge;
import io.ruche.brain.selection.RuleFilterSettings;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * The phases shared by converse and guidance, from situation to relationships.
 */
final class TurnPhases {

	private final EmbeddingModel embeddings;

	private final TurnMetrics metrics;

	private final Expressions expressions;

	TurnPhases(EmbeddingModel embeddings, TurnMetrics metrics, Expressions expressions) {
		this.embeddings = embeddings;
		this.metrics = metrics;
		this.expressions = expressions;
	}

	void understand(TurnState turn, PhaseRecorder phases, boolean mayCallModel) {
		// Filled once per turn, for the step the session is at: navigation takes these
		// instead of extracting them again.
		Map<String, String> found = new HashMap<>();
		phases.run(TurnPhase.SITUATION, (decisions) -> {
			long started = System.nanoTime();
			turn.embedding = this.embeddings.embed(turn.message);
			// Recorded so that the turn's overhead can be compared with the cost of one
			// embedding (bench/).
			decisions.put("embedding_ms", (System.nanoTime() - started) / 1_000_000.0);
			decisions.put("language", Languages.byScript(turn.message, "en"));
			// The agent's own fields are taken from any message; the step's, when it
			// collects one of the same name, win.
			found.putAll(FieldExtraction.extract(turn.snapshot.agent().fields(), turn.message));
			ScenarioStep step = turn.activeStep();
			if (step != null) {
				found.putAll(FieldExtraction.extract(step.collects(), turn.message));
			}
			decisions.put("pattern_fields", found.keySet().stream().sorted().toList());
			if (step != null && mayCallModel) {
				extractWithModel(turn, step, found, decisions);
			}
		});
		phases.run(TurnPhase.FIELD_UPDATES, (decisions) -> {
			turn.variables.putAll(found);
			decisions.put("updated", found.keySet().stream().sorted().toList());
		});
		Embedding embedding = turn.embedding;
		if (embedding == null) {
			phases.skip(TurnPhase.SCENARIO_NAVIGATION, "no message embedding");
			phases.skip(TurnPhase.RETRIEVAL, "no message embedding");
		}
		else {
			phases.run(TurnPhase.SCENARIO_NAVIGATION,
					(decisions) -> navigate(turn, embedding, found, decisions, mayCallModel));
			phases.run(TurnPhase.RETRIEVAL,
					(decisions) -> turn.matched = RuleRetrieval
						.retrieve(turn.snapshot, turn.session.state(), turn.turn, turn.scenarioId(), turn.stepId(),
								embedding, decisions)
						.kept());
		}
		filterRules(turn, phases, mayCallModel);
		expandRelations(turn, phases);
		// One documented order for everything downstream: prompt, templates,
		// matched_rules.
		turn.matched = turn.matched.stream().sorted(ReplyGenerator.BY_PRIORITY_THEN_SCORE.reversed()).toList();
	}

	private void expandRelations(TurnState turn, PhaseRecorder phases) {
		boolean related = turn.matched.stream().anyMatch((kept) -> !kept.item().content().relations().isEmpty());
		if (!related) {
			phases.skip(TurnPhase.RELATIONSHIPS, "no kept rule has relations");
			return;
		}
		phases.run(TurnPhase.RELATIONSHIPS, (decisions) -> turn.matched = RelationshipExpansion.expand(turn.matched,
				turn.snapshot.plainRules(), turn.scenarioId(), turn.stepId(), decisions));
	}

	// Fields without a pattern need the model: only on converse turns (guidance calls no
	// model), and only for fields the step still lacks.
	private void extractWithModel(TurnState turn, ScenarioStep step, Map<String, String> found,
			Map<String, Object> decisions) {
		List<FieldSpec> wanted = step.collects()
			.stream()
			.filter((field) -> field.pattern() == null && !turn.knows(field.name()) && !found.containsKey(field.name()))
			.toList();
		LanguageModel extractor = turn.model;
		if (extractor == null || wanted.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		turn.modelCalls++;
		try {
			// The values the patterns found this turn are hidden too: they are not in the
			// session yet.
			Map<String, String> known = new HashMap<>(turn.variables);
			known.putAll(found);
			PersonalValues personal = PersonalValues.of(turn.snapshot, known, turn.interlocutor, true);
			Map<String, String> extracted = ModelFieldExtraction
				.extract((request) -> extractor.generate(personal.mask(request)), turn.message, wanted);
			found.putAll(extracted);
			decisions.put("model_fields", extracted.keySet().stream().sorted().toList());
		}
		catch (ModelUnavailableException ex) {
			decisions.put("model_fields_error", String.valueOf(ex.getMessage()));
		}
		finally {
			this.metrics.modelCall("field_extraction", System.nanoTime() - start, 0, 0);
		}
	}

	// The model's verdict costs one call per turn, so it is opt-in per agent
	// (rule_filter: model) and never runs on guidance turns, which make no model call.
	private void filterRules(TurnState turn, PhaseRecorder phases, boolean mayCallModel) {
		RuleFilterSettings settings = turn.snapshot.ruleFilter();
		LanguageModel judge = turn.model;
		if (!settings.enabled()) {
			phases.skip(TurnPhase.RULE_FILTERING, "not enabled for this agent (setting rule_filter: model)");
		}
		else if (judge == null || !mayCallModel) {
			phases.skip(TurnPhase.RULE_FILTERING,
					(judge == null) ? "no model configured" : "guidance turns call no model");
		}
		else if (turn.matched.isEmpty()) {
			phases.skip(TurnPhase.RULE_FILTERING, "no rule to judge");
		}
		else {
			phases.run(TurnPhase.RULE_FILTERING, (decisions) -> {
				long start = System.nanoTime();
				turn.modelCalls++;
				turn.matched = RuleFilter.filter(PersonalValues.masking(turn, judge), turn.message, turn.matched,
						settings.threshold(), decisions);
				this.metrics.modelCall("rule_filter", System.nanoTime() - start, 0, 0);
			});
		}
	}

	// A name reads better in a trace than an id; the id stands in for a scenario gone.
	private static String scenarioName(TurnState turn, String scenarioId) {
		var scenario = turn.snapshot.scenario(scenarioId);
		return (scenario != null) ? scenario.name() : scenarioId;
	}

	private void navigate(TurnState turn, Embedding embedding, Map<String, String> extracted,
			Map<String, Object> decisions, boolean mayCallModel) {
		ScenarioNavigator navigator = ScenarioNavigator.create(this.expressions, turn.snapshot.navigation());
		LanguageModel judgeModel = turn.model;
		// Close calls between natural-language transitions go to the model on converse
		// turns only.
		TransitionJudge judge = (judgeModel != null && mayCallModel)
				? new ModelTransitionJudge(PersonalValues.masking(turn, judgeModel), (nanos) -> {
					turn.modelCalls++;
					this.metrics.modelCall("transition", nanos, 0, 0);
				}) : TransitionJudge.NONE;
		Navigation navigation = navigator.navigate(new NavigationInput(turn.scenario, turn.variables,
				turn.interlocutor.fields(), turn.message, embedding, turn.snapshot.scenarios(), turn.turn, judge,
				FlowHistory.of(turn.session.state()), CancelIntent.embeddedBy(this.embeddings), extracted));
		turn.variables.putAll(navigation.variables());
		turn.scenario = navigation.state();
		turn.scenarioMemory = navigation.memory();
		turn.events = navigation.events();
		decisions.putAll(navigation.decisions());
		decisions.put("moves",
				navigation.results().stream().map((move) -> TraceMoves.of(move, turn.snapshot)).toList());
		decisions.put("state", (turn.scenario instanceof ScenarioState.AtStep at)
				? scenarioName(turn, at.scenarioId()) + "/" + at.stepId() : "none");
	}

}
