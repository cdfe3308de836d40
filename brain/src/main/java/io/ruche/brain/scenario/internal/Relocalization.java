package io.ruche.brain.scenario.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Transition;
import io.ruche.brain.port.ScenarioStore.ScenarioEmbeddings;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.kernel.embedding.Embedding;

/**
 * Finds the step a conversation has really reached when the message fits another step
 * much better than the current one (docs/brain.md, Relocalization): candidates are the
 * steps within a few transitions of the current one, either way, plus those reachable
 * from anywhere; each is scored by the similarity of the message to its description
 * (name, instructions, what it expects), computed at upsert.
 */
final class Relocalization {

	/** At most this many candidates are scored, nearest first. */
	static final int MAX_CANDIDATES = 10;

	private Relocalization() {
	}

	/**
	 * A step that fits the message better than the current one.
	 *
	 * @param stepId the step to move to
	 * @param score its similarity to the message
	 * @param rivalScore what it had to beat: the current step's similarity to the
	 * message, or that of the transition the message suggests, whichever is higher
	 */
	record Target(String stepId, double score, double rivalScore) {
	}

	/**
	 * Scores the candidates.
	 * @param transitionScore the similarity of the natural-language transition the
	 * message would follow, or negative infinity
	 * @param scores receives every candidate's score, by step id, for the trace
	 * @return the target, when one reaches the threshold and leads both the current step
	 * and the transition by the margin
	 */
	static Optional<Target> find(Scenario scenario, ScenarioStep current, Set<String> known,
			ScenarioEmbeddings embeddings, Embedding message, double transitionScore, NavigationSettings settings,
			Map<String, Double> scores) {
		Embedding currentEmbedding = embeddings.steps().get(current.id());
		if (currentEmbedding == null) {
			return Optional.empty();
		}
		double currentScore = currentEmbedding.cosine(message);
		scores.put(current.id(), currentScore);
		double rival = Math.max(currentScore, transitionScore);
		Target best = null;
		for (String candidate : candidates(scenario, current, known, settings.relocalizationHops())) {
			Embedding embedding = embeddings.steps().get(candidate);
			if (embedding == null) {
				continue;
			}
			double score = embedding.cosine(message);
			scores.put(candidate, score);
			if (best == null || score > best.score()) {
				best = new Target(candidate, score, rival);
			}
		}
		return Optional.ofNullable(best)
			.filter((t) -> t.score() >= settings.relocalizationThreshold()
					&& t.score() - rival >= settings.relocalizationMargin());
	}

	// Nearest first by breadth-first search over transitions taken either way; terminal
	// steps only when reachable from anywhere, since landing there would end the scenario
	// on a guess; steps ahead only when no step on the way still lacks a required field,
	// so that relocalization never bypasses what the flow must collect.
	static List<String> candidates(Scenario scenario, ScenarioStep current, Set<String> known, int hops) {
		Map<String, Set<String>> neighbours = neighbours(scenario);
		Set<String> found = new LinkedHashSet<>();
		Map<String, Integer> distance = new HashMap<>(Map.of(current.id(), 0));
		Deque<String> queue = new ArrayDeque<>(List.of(current.id()));
		while (!queue.isEmpty()) {
			String stepId = queue.removeFirst();
			int next = distance.getOrDefault(stepId, 0) + 1;
			if (next > hops) {
				continue;
			}
			for (String neighbour : neighbours.getOrDefault(stepId, Set.of())) {
				if (distance.putIfAbsent(neighbour, next) == null) {
					found.add(neighbour);
					queue.addLast(neighbour);
				}
			}
		}
		scenario.steps().stream().filter(ScenarioStep::reachableFromAnywhere).forEach((s) -> found.add(s.id()));
		found.remove(current.id());
		Map<String, List<String>> ahead = ScenarioGraph.pathsAhead(scenario, current);
		List<String> candidates = new ArrayList<>();
		for (String stepId : found) {
			ScenarioStep step = scenario.step(stepId).orElse(null);
			if (step == null || candidates.size() >= MAX_CANDIDATES) {
				continue;
			}
			boolean bypassesMissing = ahead.containsKey(stepId) && !step.reachableFromAnywhere()
					&& ahead.get(stepId).stream().anyMatch((s) -> lacksRequiredField(scenario, s, known));
			if ((!step.terminal() || step.reachableFromAnywhere()) && !bypassesMissing) {
				candidates.add(stepId);
			}
		}
		return candidates;
	}

	private static boolean lacksRequiredField(Scenario scenario, String stepId, Set<String> known) {
		return scenario.step(stepId)
			.map((step) -> step.collects().stream().anyMatch((f) -> f.required() && !known.contains(f.name())))
			.orElse(false);
	}

	private static Map<String, Set<String>> neighbours(Scenario scenario) {
		Map<String, Set<String>> neighbours = new LinkedHashMap<>();
		for (ScenarioStep step : scenario.steps()) {
			for (Transition transition : step.transitions()) {
				neighbours.computeIfAbsent(step.id(), (k) -> new LinkedHashSet<>()).add(transition.to());
				neighbours.computeIfAbsent(transition.to(), (k) -> new LinkedHashSet<>()).add(step.id());
			}
		}
		return neighbours;
	}

}
