package io.ruche.brain.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.model.Scenario;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

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
	 * @param exits the embeddings of the plain-language exit conditions, keyed by
	 * {@link #exitKey}
	 */
	record ScenarioEmbeddings(Embedding entry, Map<String, Embedding> transitions, Map<String, Embedding> steps,
			Map<String, Embedding> exits) {

		public ScenarioEmbeddings {
			transitions = Map.copyOf(transitions);
			steps = Map.copyOf(steps);
			exits = Map.copyOf(exits);
		}

		/** Embeddings of a scenario without plain-language exit conditions. */
		public ScenarioEmbeddings(Embedding entry, Map<String, Embedding> transitions, Map<String, Embedding> steps) {
			this(entry, transitions, steps, Map.of());
		}

		public static String key(String stepId, String targetStepId) {
			return stepId + "->" + targetStepId;
		}

		/**
		 * The key of a plain-language exit condition.
		 * @param stepId the step that declares it, or null for the scenario's own
		 * @param condition the condition's text
		 * @return the key: the step id (empty for the scenario), a bar, the text
		 */
		public static String exitKey(@Nullable String stepId, String condition) {
			return ((stepId != null) ? stepId : "") + "|" + condition;
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
