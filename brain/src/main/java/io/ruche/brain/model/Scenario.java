package io.ruche.brain.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A multi-step flow: a state machine written as data.
 *
 * @param tenant the owning tenant
 * @param agentId the owning agent
 * @param id the scenario id
 * @param name unique among the agent's live scenarios
 * @param description what the flow achieves
 * @param entryCondition when to enter, in natural language (matched by meaning)
 * @param entryStep the id of the first step
 * @param steps the steps; ids unique, every transition target exists
 * @param exitConditions when the scenario is left, from any step: CEL expressions or
 * plain-language texts (see {@link ExitCondition})
 * @param enabled whether the scenario may be entered
 * @param version incremented on every write, for optimistic concurrency
 * @param deletedAt when the scenario was soft-deleted, or null
 * @param updatedAt when the scenario was last written
 */
public record Scenario(TenantId tenant, String agentId, String id, String name, String description,
		String entryCondition, String entryStep, List<ScenarioStep> steps, List<String> exitConditions, boolean enabled,
		long version, @Nullable Instant deletedAt, Instant updatedAt) {

	public Scenario {
		Names.check("scenario name", name);
		if (entryCondition.isBlank()) {
			throw new IllegalArgumentException("scenario '" + name + "' needs an entry_condition");
		}
		steps = List.copyOf(steps);
		exitConditions = (exitConditions != null) ? List.copyOf(exitConditions) : List.of();
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("scenario '" + name + "' needs at least one step");
		}
		Set<String> ids = new HashSet<>();
		for (ScenarioStep step : steps) {
			if (!ids.add(step.id())) {
				throw new IllegalArgumentException("scenario '" + name + "' has two steps with id '" + step.id() + "'");
			}
		}
		if (!ids.contains(entryStep)) {
			throw new IllegalArgumentException(
					"scenario '" + name + "': entry_step '" + entryStep + "' is not one of its steps " + ids);
		}
		for (ScenarioStep step : steps) {
			for (Transition transition : step.transitions()) {
				if (!ids.contains(transition.to())) {
					throw new IllegalArgumentException("scenario '" + name + "': step '" + step.id()
							+ "' has a transition to unknown step '" + transition.to() + "' (steps: " + ids + ")");
				}
			}
		}
	}

	/** A scenario without exit conditions of its own. */
	public Scenario(TenantId tenant, String agentId, String id, String name, String description, String entryCondition,
			String entryStep, List<ScenarioStep> steps, boolean enabled, long version, @Nullable Instant deletedAt,
			Instant updatedAt) {
		this(tenant, agentId, id, name, description, entryCondition, entryStep, steps, List.of(), enabled, version,
				deletedAt, updatedAt);
	}

	public boolean live() {
		return this.deletedAt == null;
	}

	/**
	 * Finds a step by id.
	 * @param stepId the step id
	 * @return the step, or empty
	 */
	public Optional<ScenarioStep> step(String stepId) {
		return this.steps.stream().filter((s) -> s.id().equals(stepId)).findFirst();
	}

}
