package io.ruche.brain.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.ruche.brain.model.ExitCondition;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;
import org.jspecify.annotations.Nullable;

/**
 * Computes what navigation compares messages with: a scenario's texts embedded in one
 * batch when the scenario is written, then stored beside it.
 */
public final class ScenarioEmbedder {

	private ScenarioEmbedder() {
	}

	/**
	 * Embeds a scenario's entry condition, its transitions' {@code when} texts and a
	 * description of each step, once, at upsert.
	 * @param scenario the scenario
	 * @param model the embedding model
	 * @return the embeddings
	 */
	public static ScenarioEmbeddings embed(Scenario scenario, EmbeddingModel model) {
		// one call, so that a model that embeds batches (the local one does) gets one
		List<String> keys = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (ScenarioStep step : scenario.steps()) {
			for (Transition transition : step.transitions()) {
				if (transition.when() != null) {
					keys.add(ScenarioEmbeddings.key(step.id(), transition.to()));
					texts.add(transition.when());
				}
			}
		}
		int stepsFrom = texts.size();
		scenario.steps().forEach((step) -> texts.add(describe(step)));
		int exitsFrom = texts.size();
		List<String> exitKeys = new ArrayList<>();
		addMeaningExits(null, scenario.exitConditions(), exitKeys, texts);
		scenario.steps().forEach((step) -> addMeaningExits(step.id(), step.exitConditions(), exitKeys, texts));
		texts.add(scenario.entryCondition());
		List<Embedding> embedded = model.embedAll(texts);
		Map<String, Embedding> transitions = new HashMap<>();
		for (int i = 0; i < stepsFrom; i++) {
			transitions.put(keys.get(i), embedded.get(i));
		}
		Map<String, Embedding> steps = new HashMap<>();
		for (int i = 0; i < scenario.steps().size(); i++) {
			steps.put(scenario.steps().get(i).id(), embedded.get(stepsFrom + i));
		}
		Map<String, Embedding> exits = new HashMap<>();
		for (int i = 0; i < exitKeys.size(); i++) {
			exits.put(exitKeys.get(i), embedded.get(exitsFrom + i));
		}
		return new ScenarioEmbeddings(embedded.get(texts.size() - 1), transitions, steps, exits);
	}

	private static void addMeaningExits(@Nullable String stepId, List<String> conditions, List<String> keys,
			List<String> texts) {
		for (String condition : conditions) {
			String key = ScenarioEmbeddings.exitKey(stepId, condition);
			if (ExitCondition.of(condition) instanceof ExitCondition.Meaning && !keys.contains(key)) {
				keys.add(key);
				texts.add(condition);
			}
		}
	}

	// What a message sent while the conversation is really at this step resembles:
	// the step itself and what it expects next.
	private static String describe(ScenarioStep step) {
		String expects = step.transitions()
			.stream()
			.map(Transition::when)
			.filter(Objects::nonNull)
			.limit(3)
			.collect(Collectors.joining("; "));
		return step.name() + " | " + step.instructions() + (expects.isEmpty() ? "" : " | expects: " + expects);
	}

}
