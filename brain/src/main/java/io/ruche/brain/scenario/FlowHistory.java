package io.ruche.brain.scenario;

import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.Session.StepVisit;

/**
 * What navigation reads of the turns before: the steps visited, the scenarios left
 * unfinished, and the fields as the last turn saved them.
 *
 * @param visits the steps visited, oldest first
 * @param memory the abandoned scenarios and when a field last changed
 * @param previousVariables the session's fields at the start of the turn, before this
 * message filled any
 */
public record FlowHistory(List<StepVisit> visits, ScenarioMemory memory, Map<String, String> previousVariables) {

	/** A session's first turn. */
	public static final FlowHistory EMPTY = new FlowHistory(List.of(), ScenarioMemory.EMPTY, Map.of());

	public FlowHistory {
		visits = List.copyOf(visits);
		previousVariables = Map.copyOf(previousVariables);
	}

	/**
	 * The history a stored session holds.
	 * @param state the session's state at the start of the turn
	 * @return the history
	 */
	public static FlowHistory of(SessionState state) {
		return new FlowHistory(state.stepHistory(), state.scenarioMemory(), state.variables());
	}

}
