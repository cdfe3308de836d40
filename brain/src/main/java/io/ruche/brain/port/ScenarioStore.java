package io.ruche.brain.port;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.embedding.EmbeddingModel;
import io.ruche.kernel.model.TenantId;

/**
 * Stores scenarios with the embeddings of their natural-language conditions. Only live
 * scenarios are returned. Failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ScenarioStore {

	/**
	 * Creates or updates a scenario. {@code scenario.version()} is the version the caller
	 * read: 0 to create.
	 * @param scenario the scenario
	 * @param embeddings the embeddings of its conditions
	 * @return the stored scenario, with its new version
	 * @throws io.ruche.kernel.store.StoreConflictException when the version is stale or a
	 * live scenario of the agent has the same name
	 */
	Scenario save(Scenario scenario, ScenarioEmbeddings embeddings);

	/**
	 * Finds a live scenario.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param id the scenario id
	 * @return the scenario, or empty
	 */
	Optional<Scenario> find(TenantId tenant, String agentId, String id);

	/**
	 * Lists an agent's live scenarios by name.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the scenarios, never null
	 */
	List<Scenario> list(TenantId tenant, String agentId);

	/**
	 * Returns every live scenario of an agent with its embeddings, for in-process
	 * retrieval.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the scenarios and embeddings
	 */
	List<EmbeddedScenario> embedded(TenantId tenant, String agentId);

	/**
	 * Soft-deletes a scenario. Idempotent.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @param id the scenario id
	 * @return true when a live scenario was deleted
	 */
	boolean delete(TenantId tenant, String agentId, String id);

	/**
	 * The embeddings of a scenario's natural-language conditions.
	 *
	 * @param entry the embedding of the entry condition
	 * @param transitions the embeddings of the transitions' {@code when} texts, keyed
	 * {@code stepId->targetId}
	 * @param steps the embeddings of the steps' descriptions, keyed by step id, for
	 * relocalization; empty for scenarios stored before steps were embedded
	 */
	record ScenarioEmbeddings(Embedding entry, Map<String, Embedding> transitions, Map<String, Embedding> steps) {

		public ScenarioEmbeddings {
			transitions = Map.copyOf(transitions);
			steps = Map.copyOf(steps);
		}

		public static String key(String stepId, String targetStepId) {
			return stepId + "->" + targetStepId;
		}

		/**
		 * Embeds a scenario's entry condition, its transitions' {@code when} texts and a
		 * description of each step, once, at upsert.
		 * @param scenario the scenario
		 * @param model the embedding model
		 * @return the embeddings
		 */
		public static ScenarioEmbeddings compute(Scenario scenario, EmbeddingModel model) {
			// one call, so that a model that embeds batches (the local one does) gets one
			List<String> keys = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			for (ScenarioStep step : scenario.steps()) {
				for (Transition transition : step.transitions()) {
					if (transition.when() != null) {
						keys.add(key(step.id(), transition.to()));
						texts.add(transition.when());
					}
				}
			}
			int stepsFrom = texts.size();
			scenario.steps().forEach((step) -> texts.add(describe(step)));
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
			return new ScenarioEmbeddings(embedded.get(texts.size() - 1), transitions, steps);
		}

		// What a message sent while the conversation is really at this step resembles:
		// the step itself and what it expects next (docs/brain.md, Relocalization).
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

	/**
	 * A scenario with its embeddings.
	 *
	 * @param scenario the scenario
	 * @param embeddings its embeddings
	 */
	record EmbeddedScenario(Scenario scenario, ScenarioEmbeddings embeddings) {
	}

}
