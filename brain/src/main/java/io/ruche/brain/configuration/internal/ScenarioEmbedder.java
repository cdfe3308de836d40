package io.ruche.brain.configuration.internal;

import java.util.HashMap;
import java.util.Map;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.kernel.embedding.EmbeddingModel;

/**
 * Computes the embeddings of a scenario's natural-language conditions once, at upsert.
 */
final class ScenarioEmbedder {

	private ScenarioEmbedder() {
	}

	static ScenarioEmbeddings embed(Scenario scenario, EmbeddingModel model) {
		Map<String, io.ruche.kernel.embedding.Embedding> transitions = new HashMap<>();
		for (ScenarioStep step : scenario.steps()) {
			for (Transition transition : step.transitions()) {
				if (transition.when() != null) {
					transitions.put(ScenarioEmbeddings.key(step.id(), transition.to()), model.embed(transition.when()));
				}
			}
		}
		return new ScenarioEmbeddings(model.embed(scenario.entryCondition()), transitions);
	}

}
