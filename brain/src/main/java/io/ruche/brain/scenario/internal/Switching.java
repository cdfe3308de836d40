package io.ruche.brain.scenario.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.kernel.embedding.Embedding;

/**
 * Whether a message that arrives while a scenario is active enters another one instead:
 * the best other scenario's entry similarity must reach the entry threshold (the resume
 * threshold for a scenario left unfinished) and lead what the active scenario offers by
 * the switch margin. The active scenario offers the best of its own entry similarity, the
 * similarity of the message to any of its steps' descriptions (so a message that belongs
 * to another step of the flow stays in it) and to the current step's natural-language
 * transitions.
 */
final class Switching {

	private Switching() {
	}

	/**
	 * A scenario to switch to.
	 *
	 * @param entry the other scenario, with its entry similarity
	 * @param offer the best the active scenario offers
	 */
	record Target(Entries.Entry entry, double offer) {
	}

	/**
	 * The scenario to switch to.
	 * @param eligible which other scenarios may be entered
	 * @param threshold the least entry similarity for each
	 * @return the scenario, when it leads the offer by the margin
	 */
	static Optional<Target> find(EmbeddedScenario active, ScenarioStep step, List<EmbeddedScenario> scenarios,
			Predicate<EmbeddedScenario> eligible, ToDoubleFunction<EmbeddedScenario> threshold, Embedding message,
			NavigationSettings settings, Map<String, Object> decisions) {
		Map<String, Object> scores = new LinkedHashMap<>();
		Optional<Entries.Entry> best = Entries.best(scenarios,
				(candidate) -> !candidate.scenario().id().equals(active.scenario().id()) && eligible.test(candidate),
				message, threshold, scores);
		if (scores.isEmpty()) {
			return Optional.empty();
		}
		double offer = offer(active, step, message);
		decisions.put("switch_scores", scores);
		decisions.put("active_offer", Scores.round(offer));
		return best.filter((entry) -> entry.score() - offer >= settings.switchMargin())
			.map((entry) -> new Target(entry, offer));
	}

	private static double offer(EmbeddedScenario active, ScenarioStep step, Embedding message) {
		ScenarioEmbeddings embeddings = active.embeddings();
		double offer = embeddings.entry().cosine(message);
		for (Embedding description : embeddings.steps().values()) {
			offer = Math.max(offer, description.cosine(message));
		}
		for (Transition transition : step.transitions()) {
			Embedding when = embeddings.transitions().get(ScenarioEmbeddings.key(step.id(), transition.to()));
			if (when != null) {
				offer = Math.max(offer, when.cosine(message));
			}
		}
		return offer;
	}

}
