package io.ruche.brain.scenario.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.kernel.embedding.Embedding;

/**
 * Where a session goes when the step it was at has been removed from its scenario
 * (docs/brain.md, "Live sessions across a change"). The rule, in order:
 * <ol>
 * <li>by the graph: the most recent step of this scenario the session visited before the
 * removed one and that still exists. Its fields are known, so step skipping carries the
 * session forward through the new flow in the same turn;</li>
 * <li>by meaning: the surviving step whose description is nearest to the message, when it
 * reaches the relocalization threshold;</li>
 * <li>the scenario's entry step.</li>
 * </ol>
 * Terminal steps are never chosen: landing on one would end the flow on a guess.
 */
final class Migration {

	private Migration() {
	}

	/**
	 * Where to go.
	 *
	 * @param stepId the step that is gone
	 * @param reason why, for the trace
	 */
	record Target(String stepId, String reason) {
	}

	static Target target(Scenario scenario, String removedStep, List<StepVisit> visits, ScenarioEmbeddings embeddings,
			Embedding message, NavigationSettings settings, Map<String, Double> scores) {
		String gone = "step '" + removedStep + "' was removed from '" + scenario.name() + "'";
		Optional<String> walkedBack = lastSurvivingVisit(scenario, removedStep, visits);
		if (walkedBack.isPresent()) {
			return new Target(walkedBack.get(),
					gone + "; back to '" + walkedBack.get() + "', the nearest surviving step the session came by");
		}
		String best = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (ScenarioStep step : scenario.steps()) {
			Embedding embedding = embeddings.steps().get(step.id());
			if (step.terminal() || embedding == null) {
				continue;
			}
			double score = embedding.cosine(message);
			scores.put(step.id(), score);
			if (score > bestScore) {
				best = step.id();
				bestScore = score;
			}
		}
		if (best != null && bestScore >= settings.relocalizationThreshold()) {
			return new Target(best, gone + "; to '" + best + "', nearest to the message by meaning (scored "
					+ Scores.round(bestScore) + ")");
		}
		return new Target(scenario.entryStep(), gone + "; no surviving step on the session's way nor near the "
				+ "message by meaning: back to the entry step '" + scenario.entryStep() + "'");
	}

	// The visits are oldest first; the walk goes from the newest back, past the removed
	// step's own visits.
	private static Optional<String> lastSurvivingVisit(Scenario scenario, String removedStep, List<StepVisit> visits) {
		for (int i = visits.size() - 1; i >= 0; i--) {
			StepVisit visit = visits.get(i);
			if (!visit.scenarioId().equals(scenario.id()) || visit.stepId().equals(removedStep)) {
				continue;
			}
			Optional<ScenarioStep> step = scenario.step(visit.stepId());
			if (step.isPresent() && !step.get().terminal()) {
				return Optional.of(visit.stepId());
			}
		}
		return Optional.empty();
	}

}
