package io.ruche.brain.scenario;

import org.jspecify.annotations.Nullable;

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
	 * {@link ScenarioTrigger#RELOCALIZE} or {@link ScenarioTrigger#MIGRATE}
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
	 * The session left its scenario, unfinished, for another one.
	 *
	 * @param from the step left
	 * @param to the other scenario's entry step
	 * @param reason why, for the trace
	 */
	record Switched(ScenarioState.AtStep from, ScenarioState.AtStep to, String reason) implements TransitionResult {
	}

	/**
	 * A scenario left unfinished was taken up again at the step it was left at.
	 *
	 * @param from the step of the scenario left for it, or null when none was active
	 * @param to the step resumed
	 * @param reason why, for the trace
	 */
	record Resumed(ScenarioState.@Nullable AtStep from, ScenarioState.AtStep to,
			String reason) implements TransitionResult {
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
