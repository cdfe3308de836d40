package io.ruche.brain.scenario;

import org.jspecify.annotations.Nullable;

/**
 * A session's scenario state changed.
 *
 * @param scenarioId the scenario
 * @param fromStep the former step, or null on entry
 * @param toStep the new step, or null on exit
 * @param trigger what moved it
 * @param reason why, for the trace
 * @param turn the turn it happened in
 */
public record ScenarioTransitioned(String scenarioId, @Nullable String fromStep, @Nullable String toStep,
		ScenarioTrigger trigger, String reason, int turn) {
}
