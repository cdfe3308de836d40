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

	/** The message fits another step of the scenario clearly better. */
	RELOCALIZE,

	/**
	 * The step the session was at was removed by a change of the scenario: to the step
	 * the migration rule chooses (the trace's move is {@code MIGRATED}).
	 */
	MIGRATE,

	/**
	 * The scenario ended: its terminal step completed, it disappeared, an exit condition
	 * held, the interlocutor cancelled, or the loop guard stopped it.
	 */
	EXIT,

	/** The message entered another scenario clearly better than the active one. */
	SWITCH,

	/**
	 * The message entered a scenario left unfinished: back at the step it was left at.
	 */
	RESUME

}
