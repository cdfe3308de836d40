package io.ruche.brain.model;

import java.util.List;

/**
 * One step of a scenario.
 *
 * @param id unique within the scenario
 * @param name a display name
 * @param instructions what the agent does in this step
 * @param collects the fields this step collects from the interlocutor
 * @param transitions the ways out of this step, evaluated in order
 * @param terminal whether the scenario ends when this step is reached
 * @param tools names of tools this step runs
 * @param reachableFromAnywhere whether a conversation may be relocalized here from any
 * step of the scenario, not only from nearby ones
 */
public record ScenarioStep(String id, String name, String instructions, List<FieldSpec> collects,
		List<Transition> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere) {

	public ScenarioStep {
		Names.check("step id", id);
		collects = List.copyOf(collects);
		transitions = List.copyOf(transitions);
		tools = List.copyOf(tools);
	}

}
