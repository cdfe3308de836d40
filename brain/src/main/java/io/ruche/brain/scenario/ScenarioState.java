package io.ruche.brain.scenario;

import org.jspecify.annotations.Nullable;

/**
 * Where a session stands: in no scenario, or at one step of one scenario.
 */
public sealed interface ScenarioState {

	/**
	 * The state stored in a session's two nullable ids.
	 * @param scenarioId the active scenario, or null
	 * @param stepId the active step, or null
	 * @return the state
	 */
	static ScenarioState of(@Nullable String scenarioId, @Nullable String stepId) {
		return (scenarioId == null || stepId == null) ? new Idle() : new AtStep(scenarioId, stepId);
	}

	/**
	 * No active scenario.
	 */
	record Idle() implements ScenarioState {
	}

	/**
	 * At one step of a scenario.
	 *
	 * @param scenarioId the scenario
	 * @param stepId the step
	 */
	record AtStep(String scenarioId, String stepId) implements ScenarioState {
	}

}
