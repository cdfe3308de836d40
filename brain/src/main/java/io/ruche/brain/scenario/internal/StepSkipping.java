package io.ruche.brain.scenario.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;

/**
 * The furthest step reachable over steps whose fields are all known (docs/brain.md,
 * Scenarios and transitions): a target T is valid when the current step and every step on
 * the shortest path to T collect at least one field and have all of them; the most
 * skipped steps wins, ties keep the first found.
 */
final class StepSkipping {

	private StepSkipping() {
	}

	record Skip(String target, List<String> skipped) {
	}

	static Optional<Skip> furthest(Scenario scenario, ScenarioStep current, Set<String> known) {
		if (!skippable(current, known)) {
			return Optional.empty();
		}
		Skip best = null;
		for (Map.Entry<String, List<String>> ahead : ScenarioGraph.pathsAhead(scenario, current).entrySet()) {
			List<String> skipped = ahead.getValue();
			boolean valid = skipped.stream()
				.allMatch((s) -> scenario.step(s).map((step) -> skippable(step, known)).orElse(false));
			if (valid && (best == null || skipped.size() > best.skipped().size())) {
				best = new Skip(ahead.getKey(), skipped);
			}
		}
		return Optional.ofNullable(best);
	}

	static boolean skippable(ScenarioStep step, Set<String> known) {
		return !step.collects().isEmpty() && step.collects().stream().map(FieldSpec::name).allMatch(known::contains);
	}

}
