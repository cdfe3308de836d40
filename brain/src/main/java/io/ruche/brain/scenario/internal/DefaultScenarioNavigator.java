package io.ruche.brain.scenario.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.ExpressionKind;
import io.ruche.brain.expression.ExpressionResult;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.FieldExtraction;
import io.ruche.brain.scenario.Navigation;
import io.ruche.brain.scenario.NavigationInput;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.scenario.ScenarioNavigator;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.ScenarioStateMachine;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.brain.scenario.ScenarioTrigger;
import io.ruche.brain.scenario.TransitionResult;
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * The navigator described on {@link ScenarioNavigator}.
 */
public final class DefaultScenarioNavigator implements ScenarioNavigator {

	/**
	 * The most abandoned scenarios a session remembers; the oldest is forgotten first.
	 */
	static final int MAX_ABANDONED = 5;

	private final Expressions expressions;

	private final NavigationSettings settings;

	public DefaultScenarioNavigator(Expressions expressions, NavigationSettings settings) {
		this.expressions = expressions;
		this.settings = settings;
	}

	@Override
	public Navigation navigate(NavigationInput input) {
		Turn turn = new Turn(input);
		if (turn.state instanceof ScenarioState.AtStep at) {
			checkActive(turn, at);
		}
		if (turn.state instanceof ScenarioState.AtStep at) {
			leaveIfAsked(turn, at);
		}
		if (turn.state instanceof ScenarioState.AtStep at) {
			switchIfBetter(turn, at);
		}
		if (turn.state instanceof ScenarioState.Idle) {
			tryEntry(turn);
		}
		if (turn.state instanceof ScenarioState.AtStep) {
			follow(turn);
		}
		if (turn.state instanceof ScenarioState.AtStep at) {
			guardAgainstLoops(turn, at);
		}
		if (!turn.errors.isEmpty()) {
			turn.decisions.put("condition_errors", List.copyOf(turn.errors));
		}
		return new Navigation(turn.state, turn.variables, turn.extracted, turn.results, turn.events, turn.decisions,
				new ScenarioMemory(turn.abandoned, turn.lastFieldTurn()));
	}

	private void checkActive(Turn turn, ScenarioState.AtStep at) {
		EmbeddedScenario active = turn.scenario(at.scenarioId());
		if (active == null) {
			turn.apply(ScenarioTrigger.EXIT, null, "scenario no longer available");
			return;
		}
		Scenario scenario = active.scenario();
		Optional<ScenarioStep> step = scenario.step(at.stepId());
		if (step.isEmpty()) {
			Migration.Target target = migrate(turn, active, at.stepId());
			turn.apply(ScenarioTrigger.MIGRATE, new ScenarioState.AtStep(scenario.id(), target.stepId()),
					target.reason());
		}
		else if (step.get().terminal()) {
			turn.apply(ScenarioTrigger.EXIT, null, "terminal step '" + at.stepId() + "' completed");
		}
	}

	// An exit condition or a cancel leaves the scenario unfinished: it is remembered, so
	// that a later message asking for it again takes it up where it was left.
	private void leaveIfAsked(Turn turn, ScenarioState.AtStep at) {
		EmbeddedScenario active = Objects.requireNonNull(turn.scenario(at.scenarioId()));
		ScenarioStep step = active.scenario().step(at.stepId()).orElseThrow();
		Exits
			.find(active, step, turn.input, turn.variables, this.expressions, this.settings, turn.decisions,
					turn.errors)
			.ifPresent((exit) -> {
				turn.abandon(active.scenario(), at, exit.kind());
				turn.apply(ScenarioTrigger.EXIT, null, exit.reason());
			});
	}

	private void switchIfBetter(Turn turn, ScenarioState.AtStep at) {
		EmbeddedScenario active = Objects.requireNonNull(turn.scenario(at.scenarioId()));
		ScenarioStep step = active.scenario().step(at.stepId()).orElseThrow();
		Switching
			.find(active, step, turn.input.scenarios(), Turn::available, (candidate) -> entryThreshold(turn, candidate),
					turn.input.messageEmbedding(), this.settings, turn.decisions)
			.ifPresent((target) -> {
				turn.abandon(active.scenario(), at, "switch");
				EmbeddedScenario other = target.entry().scenario();
				String reason = "entry condition of '" + other.scenario().name() + "' scored "
						+ Scores.round(target.entry().score()) + " against " + Scores.round(target.offer()) + " for '"
						+ active.scenario().name() + "'";
				enterOrResume(turn, other, ScenarioTrigger.SWITCH, reason);
			});
	}

	// The message answering a finished scenario's last step, or leaving it, is a
	// follow-up, not a new request for the same flow.
	private void tryEntry(Turn turn) {
		Map<String, Object> scores = new LinkedHashMap<>();
		Optional<Entries.Entry> best = Entries.best(turn.input.scenarios(),
				(candidate) -> Turn.available(candidate) && !turn.exitedThisTurn(candidate.scenario().id()),
				turn.input.messageEmbedding(), (candidate) -> entryThreshold(turn, candidate), scores);
		turn.decisions.put("entry_scores", scores);
		if (best.isEmpty()) {
			turn.decisions.put("entry", "none above threshold " + this.settings.entryThreshold()
					+ (turn.abandoned.isEmpty() ? "" : " (" + this.settings.resumeThreshold() + " to resume)"));
			return;
		}
		enterOrResume(turn, best.get().scenario(), ScenarioTrigger.ENTER,
				"entry condition scored " + Scores.round(best.get().score()));
	}

	private double entryThreshold(Turn turn, EmbeddedScenario candidate) {
		return turn.isAbandoned(candidate.scenario().id()) ? this.settings.resumeThreshold()
				: this.settings.entryThreshold();
	}

	// A scenario left unfinished is resumed at its step with the fields it had; any other
	// starts at its entry step.
	private void enterOrResume(Turn turn, EmbeddedScenario target, ScenarioTrigger trigger, String reason) {
		Scenario scenario = target.scenario();
		AbandonedScenario left = turn.takeAbandoned(scenario.id());
		if (left != null) {
			turn.variables.putAll(left.fields());
			String stepId = left.stepId();
			String where = "resumed where it was left in turn " + left.turn();
			if (scenario.step(stepId).isEmpty()) {
				Migration.Target migrated = migrate(turn, target, stepId);
				stepId = migrated.stepId();
				where = migrated.reason() + " since it was left in turn " + left.turn();
			}
			turn.apply(ScenarioTrigger.RESUME, new ScenarioState.AtStep(scenario.id(), stepId),
					reason + "; " + where + " with " + left.fields().keySet().stream().sorted().toList());
			return;
		}
		turn.apply(trigger, new ScenarioState.AtStep(scenario.id(), scenario.entryStep()), reason);
	}

	private Migration.Target migrate(Turn turn, EmbeddedScenario scenario, String removedStep) {
		Map<String, Double> scores = new LinkedHashMap<>();
		Migration.Target target = Migration.target(scenario.scenario(), removedStep, turn.input.history().visits(),
				scenario.embeddings(), turn.input.messageEmbedding(), this.settings, scores);
		if (!scores.isEmpty()) {
			turn.decisions.put("migration_scores", scores);
		}
		return target;
	}

	// A loop is left for good: it is not remembered, so entering the scenario again
	// starts
	// it afresh.
	private void guardAgainstLoops(Turn turn, ScenarioState.AtStep at) {
		List<String> movesNow = turn.results.stream()
			.filter((r) -> r instanceof TransitionResult.Moved moved && moved.to().scenarioId().equals(at.scenarioId()))
			.map((r) -> ((TransitionResult.Moved) r).to().stepId())
			.toList();
		LoopGuard
			.find(at.scenarioId(), turn.input.turn(), turn.input.history().visits(), movesNow, turn.lastFieldTurn(),
					this.settings.loopWindow())
			.ifPresent((cycle) -> {
				Map<String, Object> guard = new LinkedHashMap<>();
				guard.put("window_turns", this.settings.loopWindow());
				guard.put("steps", List.copyOf(cycle.steps()));
				guard.put("moves", cycle.moves());
				turn.decisions.put("loop_guard", guard);
				turn.apply(ScenarioTrigger.EXIT, null, "loop guard: " + cycle.moves() + " moves between steps "
						+ cycle.steps() + " in the last " + this.settings.loopWindow() + " turns without a new field");
			});
	}

	private void follow(Turn turn) {
		boolean firstStep = true;
		int moves = 0;
		while (turn.state instanceof ScenarioState.AtStep at) {
			// checkActive made sure the scenario is there; moves stay inside it
			EmbeddedScenario active = Objects.requireNonNull(turn.scenario(at.scenarioId()));
			ScenarioStep step = active.scenario().step(at.stepId()).orElseThrow();
			turn.extract(step);
			if (step.terminal()) {
				turn.stay("reached terminal step '" + step.id() + "'");
				return;
			}
			Next next = nextByCondition(turn, step);
			if (next == null && firstStep) {
				next = nextByMeaning(turn, step, active.embeddings());
				// A flow just entered starts at its entry step, whatever the message
				// resembles.
				if (turn.extracted.isEmpty() && !turn.enteredThisTurn()) {
					next = relocalizeIfBetter(turn, active, step, next);
				}
			}
			if (next == null) {
				next = StepSkipping.furthest(active.scenario(), step, turn.known())
					.map((skip) -> new Next(skip.target(), ScenarioTrigger.SKIP,
							"skipped " + skip.skipped() + ": their fields are known"))
					.orElse(null);
			}
			if (next == null) {
				turn.stay("no transition from '" + step.id() + "' holds");
				return;
			}
			if (moves >= this.settings.maxMovesPerTurn()) {
				turn.decisions.put("loop_guard", "stopped after " + moves + " moves");
				turn.stay("loop guard");
				return;
			}
			turn.apply(next.trigger, new ScenarioState.AtStep(at.scenarioId(), next.to), next.reason);
			moves++;
			firstStep = false;
		}
	}

	private @Nullable Next nextByCondition(Turn turn, ScenarioStep step) {
		ExpressionInput values = ExpressionInput.forTransition(turn.input.message(), turn.variables,
				turn.input.interlocutor());
		for (Transition transition : step.transitions()) {
			String condition = transition.condition();
			if (condition == null) {
				continue;
			}
			ExpressionResult result = this.expressions.evaluate(condition, ExpressionKind.TRANSITION, values);
			if (result instanceof ExpressionResult.Error error) {
				turn.errors.add(step.id() + "->" + transition.to() + ": " + error.message());
			}
			if (result.isTrue()) {
				return new Next(transition.to(), ScenarioTrigger.ADVANCE, "condition holds: " + condition);
			}
		}
		return null;
	}

	private @Nullable Next nextByMeaning(Turn turn, ScenarioStep step, ScenarioEmbeddings embeddings) {
		List<Scored<Transition>> scored = new ArrayList<>();
		for (Transition transition : step.transitions()) {
			var embedding = (transition.when() != null)
					? embeddings.transitions().get(ScenarioEmbeddings.key(step.id(), transition.to())) : null;
			if (embedding != null) {
				scored.add(new Scored<>(transition, embedding.cosine(turn.input.messageEmbedding())));
			}
		}
		if (scored.isEmpty()) {
			return null;
		}
		scored.sort(Comparator.comparingDouble((Scored<Transition> s) -> s.score()).reversed());
		Scored<Transition> best = scored.get(0);
		double runnerUp = (scored.size() > 1) ? scored.get(1).score() : Double.NEGATIVE_INFINITY;
		turn.decisions.put("transition_score", Scores.round(best.score()));
		if (best.score() < this.settings.transitionThreshold()) {
			return null;
		}
		List<String> missing = step.collects()
			.stream()
			.filter(FieldSpec::required)
			.map(FieldSpec::name)
			.filter((name) -> !turn.known().contains(name))
			.toList();
		if (!missing.isEmpty()) {
			turn.decisions.put("transition_blocked", "missing required fields " + missing);
			return null;
		}
		if (best.score() - runnerUp >= this.settings.transitionMargin()) {
			return new Next(best.item().to(), ScenarioTrigger.ADVANCE,
					"matches '" + best.item().when() + "' at " + Scores.round(best.score()), best.score());
		}
		return adjudicate(turn, scored, best.score());
	}

	// No condition held and the message filled none of this step's fields: it may belong
	// to another step of the flow (the customer went back, or ahead) more than to this
	// step or to the way out that its meaning suggests.
	private @Nullable Next relocalizeIfBetter(Turn turn, EmbeddedScenario active, ScenarioStep step,
			@Nullable Next byMeaning) {
		Map<String, Double> scores = new LinkedHashMap<>();
		double rival = (byMeaning != null) ? byMeaning.score : Double.NEGATIVE_INFINITY;
		Optional<Relocalization.Target> target = Relocalization.find(active.scenario(), step, turn.known(),
				active.embeddings(), turn.input.messageEmbedding(), rival, this.settings, scores);
		if (!scores.isEmpty()) {
			Map<String, Object> rounded = new LinkedHashMap<>();
			scores.forEach((id, score) -> rounded.put(id, Scores.round(score)));
			turn.decisions.put("relocalization_scores", rounded);
		}
		return target
			.map((t) -> new Next(t.stepId(), ScenarioTrigger.RELOCALIZE,
					"message fits step '" + t.stepId() + "' at " + Scores.round(t.score()) + " against "
							+ Scores.round(t.rivalScore()) + " for staying or moving on",
					t.score()))
			.orElse(byMeaning);
	}

	// Several conditions score within the margin of the best: the judge (the model, when
	// there is one) decides.
	private @Nullable Next adjudicate(Turn turn, List<Scored<Transition>> scored, double bestScore) {
		List<Transition> contenders = scored.stream()
			.filter((s) -> s.score() >= this.settings.transitionThreshold()
					&& bestScore - s.score() < this.settings.transitionMargin())
			.map(Scored::item)
			.toList();
		turn.decisions.put("transition_contenders", contenders.stream().map(Transition::to).toList());
		try {
			Optional<String> chosen = turn.input.judge().choose(turn.input.message(), contenders);
			turn.decisions.put("transition_adjudication", chosen.orElse("none"));
			return chosen.filter((to) -> contenders.stream().anyMatch((t) -> t.to().equals(to)))
				.map((to) -> new Next(to, ScenarioTrigger.ADVANCE,
						"chosen among close matches " + contenders.stream().map(Transition::to).toList(), bestScore))
				.orElse(null);
		}
		catch (RuntimeException ex) {
			turn.decisions.put("transition_adjudication_error", String.valueOf(ex.getMessage()));
			return null;
		}
	}

	/**
	 * A move. {@code score} is the similarity that chose it, for moves chosen by meaning.
	 */
	private record Next(String to, ScenarioTrigger trigger, String reason, double score) {

		Next(String to, ScenarioTrigger trigger, String reason) {
			this(to, trigger, reason, Double.NEGATIVE_INFINITY);
		}

	}

	/** The mutable state of one navigation. */
	private static final class Turn {

		final NavigationInput input;

		final Map<String, String> variables;

		final Map<String, String> extracted = new LinkedHashMap<>();

		final List<TransitionResult> results = new ArrayList<>();

		final List<ScenarioTransitioned> events = new ArrayList<>();

		final Map<String, Object> decisions = new LinkedHashMap<>();

		final List<String> errors = new ArrayList<>();

		final List<AbandonedScenario> abandoned;

		// The steps whose fields were already taken from this message.
		final Set<ScenarioState.AtStep> extractedAt = new HashSet<>();

		ScenarioState state;

		Turn(NavigationInput input) {
			this.input = input;
			this.variables = new HashMap<>(input.variables());
			this.state = input.state();
			this.abandoned = resumable();
			Map<String, String> already = input.extracted();
			if (already != null && input.state() instanceof ScenarioState.AtStep at) {
				this.extractedAt.add(at);
				this.variables.putAll(already);
				this.extracted.putAll(already);
			}
		}

		@Nullable EmbeddedScenario scenario(String id) {
			for (EmbeddedScenario candidate : this.input.scenarios()) {
				if (candidate.scenario().id().equals(id) && available(candidate)) {
					return candidate;
				}
			}
			return null;
		}

		static boolean available(EmbeddedScenario candidate) {
			return candidate.scenario().enabled() && candidate.scenario().live();
		}

		// Kept while the scenario exists; a step removed since is migrated on resuming.
		private List<AbandonedScenario> resumable() {
			List<AbandonedScenario> kept = new ArrayList<>();
			for (AbandonedScenario left : this.input.history().memory().abandoned()) {
				if (scenario(left.scenarioId()) != null) {
					kept.add(left);
				}
			}
			return kept;
		}

		void abandon(Scenario scenario, ScenarioState.AtStep at, String reason) {
			Set<String> collected = new HashSet<>();
			scenario.steps().forEach((step) -> step.collects().forEach((field) -> collected.add(field.name())));
			Map<String, String> fields = new TreeMap<>(this.variables);
			fields.keySet().retainAll(collected);
			this.abandoned.removeIf((left) -> left.scenarioId().equals(scenario.id()));
			this.abandoned.add(new AbandonedScenario(scenario.id(), at.stepId(), fields, this.input.turn(), reason));
			while (this.abandoned.size() > MAX_ABANDONED) {
				this.abandoned.remove(0);
			}
			this.decisions.put("abandoned", Map.of("scenario", Map.of("id", scenario.id(), "name", scenario.name()),
					"step", at.stepId(), "fields", List.copyOf(fields.keySet()), "reason", reason));
		}

		boolean isAbandoned(String scenarioId) {
			return this.abandoned.stream().anyMatch((left) -> left.scenarioId().equals(scenarioId));
		}

		@Nullable AbandonedScenario takeAbandoned(String scenarioId) {
			for (AbandonedScenario left : this.abandoned) {
				if (left.scenarioId().equals(scenarioId)) {
					this.abandoned.remove(left);
					return left;
				}
			}
			return null;
		}

		// The turn this message added or changed a field in, else the last one before.
		int lastFieldTurn() {
			Map<String, String> before = this.input.history().previousVariables();
			boolean changed = this.variables.entrySet()
				.stream()
				.anyMatch((field) -> !field.getValue().equals(before.get(field.getKey())));
			return changed ? this.input.turn() : this.input.history().memory().lastFieldTurn();
		}

		void apply(ScenarioTrigger trigger, ScenarioState.@Nullable AtStep target, String reason) {
			TransitionResult result = ScenarioStateMachine.apply(this.state, trigger, target, reason);
			this.results.add(result);
			ScenarioTransitioned event = ScenarioStateMachine.event(result, this.input.turn());
			if (event != null) {
				this.events.add(event);
			}
			this.state = ScenarioStateMachine.after(this.state, result);
		}

		// entered, switched to or resumed
		boolean enteredThisTurn() {
			return this.results.stream()
				.anyMatch((r) -> r instanceof TransitionResult.Entered || r instanceof TransitionResult.Switched
						|| r instanceof TransitionResult.Resumed);
		}

		boolean exitedThisTurn(String scenarioId) {
			return this.results.stream()
				.anyMatch((r) -> r instanceof TransitionResult.Exited exited
						&& exited.from().scenarioId().equals(scenarioId));
		}

		void stay(String reason) {
			this.results.add(new TransitionResult.Stayed(this.state, reason));
		}

		void extract(ScenarioStep step) {
			if (!(this.state instanceof ScenarioState.AtStep at) || !this.extractedAt.add(at)) {
				return;
			}
			Map<String, String> found = FieldExtraction.extract(step.collects(), this.input.message());
			this.variables.putAll(found);
			this.extracted.putAll(found);
		}

		Set<String> known() {
			Set<String> known = new HashSet<>(this.variables.keySet());
			known.addAll(this.input.interlocutor().keySet());
			return known;
		}

	}

}
