package io.ruche.brain.scenario.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;

/**
 * Walks of a scenario's transitions shared by step skipping and relocalization.
 */
final class ScenarioGraph {

	private ScenarioGraph() {
	}

	/**
	 * Every step reachable forward from {@code current}, in breadth-first order (each
	 * step's transitions in definition order), with the steps passed on the way along a
	 * shortest path: {@code current} included, the target excluded.
	 */
	static Map<String, List<String>> pathsAhead(Scenario scenario, ScenarioStep current) {
		Map<String, List<String>> paths = new LinkedHashMap<>();
		paths.put(current.id(), List.of());
		Deque<String> queue = new ArrayDeque<>(List.of(current.id()));
		while (!queue.isEmpty()) {
			String stepId = queue.removeFirst();
			List<String> passed = new ArrayList<>(paths.getOrDefault(stepId, List.of()));
			passed.add(stepId);
			for (Transition transition : scenario.step(stepId).map(ScenarioStep::transitions).orElse(List.of())) {
				if (paths.putIfAbsent(transition.to(), List.copyOf(passed)) == null) {
					queue.addLast(transition.to());
				}
			}
		}
		paths.remove(current.id());
		return paths;
	}

}
