package io.ruche.brain.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

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
 * @param template the step's reply when no model or sampler is available, or null
 * @param exitConditions when the scenario is left from this step: CEL expressions or
 * plain-language texts (see {@link ExitCondition}); empty for steps stored before they
 * existed
 */
public record ScenarioStep(String id, String name, String instructions, List<FieldSpec> collects,
		List<Transition> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere,
		@Nullable Template template, List<String> exitConditions) {

	public ScenarioStep {
		Names.check("step id", id);
		collects = List.copyOf(collects);
		transitions = List.copyOf(transitions);
		tools = List.copyOf(tools);
		exitConditions = (exitConditions != null) ? List.copyOf(exitConditions) : List.of();
	}

	/** A step without exit conditions. */
	public ScenarioStep(String id, String name, String instructions, List<FieldSpec> collects,
			List<Transition> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere,
			@Nullable Template template) {
		this(id, name, instructions, collects, transitions, terminal, tools, reachableFromAnywhere, template,
				List.of());
	}

	/** A step without a template of its own. */
	public ScenarioStep(String id, String name, String instructions, List<FieldSpec> collects,
			List<Transition> transitions, boolean terminal, List<String> tools, boolean reachableFromAnywhere) {
		this(id, name, instructions, collects, transitions, terminal, tools, reachableFromAnywhere, null, List.of());
	}

}
