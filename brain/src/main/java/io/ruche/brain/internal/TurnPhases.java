package io.ruche.brain.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelUnavailableException;
import io.ruche.brain.scenario.FieldExtraction;
import io.ruche.brain.scenario.Navigation;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.ScenarioNavigator;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.TransitionJudge;
import io.ruche.brain.selection.RuleFilterSettings;
import io.ruche.kernel.embedding.Embedding;

/**
 * The phases shared by converse and guidance, from situation to relationships.
 */
final class TurnPhases {

	private final BrainPorts ports;

	private final Expressions expressions;

	TurnPhases(BrainPorts ports, Expressions expressions) {
		this.ports = ports;
		this.expressions = expressions;
	}

	void understand(TurnState t, PhaseRecorder phases, boolean mayCallModel) {
		Map<String, String> found = new HashMap<>();
		phases.run("situation", true, (d) -> {
			long started = System.nanoTime();
			t.embedding = this.ports.embeddings().embed(t.message);
			// Recorded so that the turn's overhead can be compared with the cost of one
			// embedding (bench/).
			d.put("embedding_ms", (System.nanoTime() - started) / 1_000_000.0);
			d.put("language", Languages.byScript(t.message, "en"));
			ScenarioStep step = t.activeStep();
			if (step != null) {
				found.putAll(FieldExtraction.extract(step.collects(), t.message));
			}
			d.put("pattern_fields", found.keySet().stream().sorted().toList());
			if (step != null && mayCallModel) {
				extractWithModel(t, step, found, d);
			}
		});
		phases.run("field_updates", true, (d) -> {
			t.variables.putAll(found);
			d.put("updated", found.keySet().stream().sorted().toList());
		});
		Embedding embedding = t.embedding;
		if (embedding == null) {
			phases.skip("scenario_navigation", "no message embedding");
			phases.skip("retrieval", "no message embedding");
		}
		else {
			phases.run("scenario_navigation", true, (d) -> navigate(t, embedding, d, mayCallModel));
			phases.run("retrieval", true,
					(d) -> t.matched = RuleRetrieval
						.retrieve(t.snapshot, t.session.state(), t.turn, t.scenarioId(), t.stepId(), embedding, d)
						.kept());
		}
		filterRules(t, phases, mayCallModel);
		expandRelations(t, phases);
		// One documented order for everything downstream: prompt, templates,
		// matched_rules.
		t.matched = t.matched.stream().sorted(ReplyGenerator.BY_PRIORITY_THEN_SCORE.reversed()).toList();
	}

	private void expandRelations(TurnState t, PhaseRecorder phases) {
		boolean related = t.matched.stream().anyMatch((s) -> !s.item().content().relations().isEmpty());
		if (!related) {
			phases.skip("relationships", "no kept rule has relations");
			return;
		}
		phases.run("relationships", true, (d) -> t.matched = RelationshipExpansion.expand(t.matched,
				t.snapshot.rules().stream().map((e) -> e.rule()).toList(), t.scenarioId(), t.stepId(), d));
	}

	// Fields without a pattern need the model: only on converse turns (guidance calls no
	// model), and only for
	// fields the step still lacks.
	private void extractWithModel(TurnState t, ScenarioStep step, Map<String, String> found,
			Map<String, Object> decisions) {
		LanguageModel model = this.ports.languageModel();
		List<FieldSpec> wanted = step.collects()
			.stream()
			.filter((f) -> f.pattern() == null && !t.variables.containsKey(f.name()) && !found.containsKey(f.name()))
			.toList();
		if (model == null || wanted.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		t.modelCalls++;
		try {
			Map<String, String> extracted = ModelFieldExtraction.extract(model, t.message, wanted);
			found.putAll(extracted);
			decisions.put("model_fields", extracted.keySet().stream().sorted().toList());
		}
		catch (ModelUnavailableException ex) {
			decisions.put("model_fields_error", String.valueOf(ex.getMessage()));
		}
		finally {
			this.ports.metrics().modelCall("field_extraction", System.nanoTime() - start, 0, 0);
		}
	}

	// The model's verdict costs one call per turn, so it is opt-in per agent
	// (rule_filter: model) and never
	// runs on guidance turns, which make no model call.
	private void filterRules(TurnState t, PhaseRecorder phases, boolean mayCallModel) {
		RuleFilterSettings settings = t.snapshot.ruleFilter();
		LanguageModel model = this.ports.languageModel();
		if (!settings.enabled()) {
			phases.skip("rule_filtering", "not enabled for this agent (setting rule_filter: model)");
		}
		else if (model == null || !mayCallModel) {
			phases.skip("rule_filtering", (model == null) ? "no model configured" : "guidance turns call no model");
		}
		else if (t.matched.isEmpty()) {
			phases.skip("rule_filtering", "no rule to judge");
		}
		else {
			double threshold = settings.threshold();
			phases.run("rule_filtering", true, (d) -> {
				long start = System.nanoTime();
				t.modelCalls++;
				t.matched = RuleFilter.filter(model, t.message, t.matched, threshold, d);
				this.ports.metrics().modelCall("rule_filter", System.nanoTime() - start, 0, 0);
			});
		}
	}

	private void navigate(TurnState t, Embedding embedding, Map<String, Object> d, boolean mayCallModel) {
		ScenarioNavigator navigator = ScenarioNavigator.create(this.expressions, t.snapshot.navigation());
		LanguageModel model = this.ports.languageModel();
		// Close calls between natural-language transitions go to the model on converse
		// turns only.
		TransitionJudge judge = (model != null && mayCallModel) ? new ModelTransitionJudge(model, (nanos) -> {
			t.modelCalls++;
			this.ports.metrics().modelCall("transition", nanos, 0, 0);
		}) : TransitionJudge.NONE;
		Navigation navigation = navigator.navigate(new NavigationInput(t.scenario, t.variables, t.interlocutor.fields(),
				t.message, embedding, t.snapshot.scenarios(), t.turn, judge));
		t.variables.putAll(navigation.variables());
		t.scenario = navigation.state();
		t.events = navigation.events();
		d.putAll(navigation.decisions());
		d.put("moves", navigation.results().stream().map((move) -> TraceMoves.of(move, t.snapshot)).toList());
		d.put("state", (t.scenario instanceof ScenarioState.AtStep at) ? at.scenarioId() + "/" + at.stepId() : "none");
	}

}
