package io.ruche.brain.scenario.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.kernel.embedding.Embedding;

/**
 * Scores scenarios' entry conditions against a message, for entering, switching and
 * resuming alike.
 */
final class Entries {

	private Entries() {
	}

	/**
	 * A scenario the message enters.
	 *
	 * @param scenario the scenario
	 * @param score its entry similarity
	 */
	record Entry(EmbeddedScenario scenario, double score) {
	}

	/**
	 * The best scenario whose entry similarity reaches its threshold.
	 * @param eligible which scenarios may be entered
	 * @param threshold the least similarity for each
	 * @param scores receives every eligible scenario's score, by name, for the trace
	 * @return the scenario, or empty when none reaches its threshold
	 */
	static Optional<Entry> best(List<EmbeddedScenario> scenarios, Predicate<EmbeddedScenario> eligible,
			Embedding message, ToDoubleFunction<EmbeddedScenario> threshold, Map<String, Object> scores) {
		Entry best = null;
		for (EmbeddedScenario candidate : scenarios) {
			if (!eligible.test(candidate)) {
				continue;
			}
			double score = candidate.embeddings().entry().cosine(message);
			scores.put(candidate.scenario().name(), Scores.round(score));
			if (score >= threshold.applyAsDouble(candidate) && (best == null || score > best.score())) {
				best = new Entry(candidate, score);
			}
		}
		return Optional.ofNullable(best);
	}

}
