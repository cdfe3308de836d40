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

	/**
	 * The step no longer exists, or the message fits another step; back to a valid step.
	 */
	RELOCALIZE,

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
