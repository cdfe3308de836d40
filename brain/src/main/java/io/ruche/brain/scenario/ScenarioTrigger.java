package io.ruche.brain.scenario;

/**
 * What moves a session between scenario states.
 */
public enum ScenarioTrigger {

	/** The message matched a scenario's entry condition. */
	ENTER,

	/** A transition's condition held. */
	ADVANCE,

	/** The fields of the steps in between were already known. */
	SKIP,

	/** The step no longer exists; back to a valid step. */
	RELOCALIZE,

	/** The scenario ended (terminal step completed) or disappeared. */
	EXIT

}
