package io.ruche.brain.scenario;

/**
 * The outcome of one scenario move.
 */
public sealed interface TransitionResult {

	/**
	 * A scenario was entered.
	 *
	 * @param to the entry step
	 * @param reason why, for the trace
	 */
	record Entered(ScenarioState.AtStep to, String reason) implements TransitionResult {
	}

	/**
	 * The session moved to another step of its scenario.
	 *
	 * @param from the former step
	 * @param to the new step
	 * @param trigger {@link ScenarioTrigger#ADVANCE}, {@link ScenarioTrigger#SKIP} or
	 * {@link ScenarioTrigger#RELOCALIZE}
	 * @param reason why, for the trace
	 */
	record Moved(ScenarioState.AtStep from, ScenarioState.AtStep to, ScenarioTrigger trigger,
			String reason) implements TransitionResult {
	}

	/**
	 * Nothing moved.
	 *
	 * @param state the unchanged state
	 * @param reason why, for the trace
	 */
	record Stayed(ScenarioState state, String reason) implements TransitionResult {
	}

	/**
	 * The scenario ended.
	 *
	 * @param from the last step
	 * @param reason why, for the trace
	 */
	record Exited(ScenarioState.AtStep from, String reason) implements TransitionResult {
	}

	/**
	 * The move is not legal from this state; nothing changed.
	 *
	 * @param from the state
	 * @param trigger the refused trigger
	 */
	record Refused(ScenarioState from, ScenarioTrigger trigger) implements TransitionResult {
	}

}
