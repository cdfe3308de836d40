package io.ruche.brain.configuration;

import java.util.List;

import io.ruche.brain.model.ScenarioStep;
import org.jspecify.annotations.Nullable;

/**
 * A scenario as an editor submits it.
 *
 * @param id the id of the scenario to update, or null to create one (or to update the
 * live one of that name)
 * @param name the scenario name
 * @param description what the flow achieves
 * @param entryCondition when to enter, in natural language
 * @param entryStep the id of the first step; null means the first step listed
 * @param steps the steps
 * @param exitConditions when the scenario is left from any step: CEL or plain language
 * @param enabled whether the scenario may be entered
 * @param expectedVersion the version the editor read; null to update whatever is stored
 */
public record ScenarioDraft(@Nullable String id, String name, String description, String entryCondition,
		@Nullable String entryStep, List<ScenarioStep> steps, List<String> exitConditions, boolean enabled,
		@Nullable Long expectedVersion) {

	public ScenarioDraft {
		steps = List.copyOf(steps);
		exitConditions = List.copyOf(exitConditions);
	}

	/** A draft without exit conditions of the scenario's own. */
	public ScenarioDraft(@Nullable String id, String name, String description, String entryCondition,
			@Nullable String entryStep, List<ScenarioStep> steps, boolean enabled, @Nullable Long expectedVersion) {
		this(id, name, description, entryCondition, entryStep, steps, List.of(), enabled, expectedVersion);
	}

}
