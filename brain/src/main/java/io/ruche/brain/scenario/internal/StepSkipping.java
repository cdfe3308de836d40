package io.ruche.brain.scenario.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;

/**
 * The furthest step reachable over steps whose fields are all known (brain reference
 * 4.2): a target T is valid when the current step and every step on the shortest path to
 * T collect at least one field and have all of them; the most skipped steps wins, ties
 * keep the first found.
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
		Map<String, String> parent = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(current.id()));
		parent.put(current.id(), current.id());
		Skip best = null;
		while (!queue.isEmpty()) {
			String id = queue.poll();
			ScenarioStep step = scenario.step(id).orElseThrow();
			for (Transition transition : step.transitions()) {
				String target = transition.to();
				if (parent.containsKey(target)) {
					continue;
				}
				parent.put(target, id);
				queue.add(target);
				List<String> skipped = pathBefore(target, current.id(), parent);
				boolean valid = skipped.stream().allMatch((s) -> skippable(scenario.step(s).orElseThrow(), known));
				if (valid && (best == null || skipped.size() > best.skipped().size())) {
					best = new Skip(target, skipped);
				}
			}
		}
		return Optional.ofNullable(best);
	}

	// The steps from the current one (included) up to the target (excluded).
	private static List<String> pathBefore(String target, String start, Map<String, String> parent) {
		List<String> path = new ArrayList<>();
		// every step found by the search has a parent, the start being its own
		String step = Objects.requireNonNull(parent.get(target));
		while (true) {
			path.add(0, step);
			if (step.equals(start)) {
				return path;
			}
			step = Objects.requireNonNull(parent.get(step));
		}
	}

	static boolean skippable(ScenarioStep step, Set<String> known) {
		return !step.collects().isEmpty() && step.collects().stream().map(FieldSpec::name).allMatch(known::contains);
	}

}
