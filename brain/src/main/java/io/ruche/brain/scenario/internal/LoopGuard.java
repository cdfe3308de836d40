package io.ruche.brain.scenario.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.ruche.brain.model.Session.StepVisit;

/**
 * The loop guard across turns: a scenario cycles when each of the last {@code window}
 * turns (this one included) moved it between its steps, no field was added or changed in
 * them, and they went to at most half as many distinct steps as they made moves (so every
 * step was visited about twice). Entries, switches and resumes are not moves here.
 */
final class LoopGuard {

	private static final Set<String> MOVES = Set.of("advance", "skip", "relocalize");

	private LoopGuard() {
	}

	/**
	 * A cycle.
	 *
	 * @param steps the steps it went between
	 * @param moves how many moves it made
	 */
	record Cycle(Set<String> steps, int moves) {
	}

	/**
	 * @param scenarioId the active scenario
	 * @param turn this turn
	 * @param visits the steps visited in earlier turns, oldest first
	 * @param movesNow the steps this turn moved to inside the scenario
	 * @param lastFieldTurn the last turn a field was added or changed, this one included
	 * @param window the number of turns
	 */
	static Optional<Cycle> find(String scenarioId, int turn, List<StepVisit> visits, List<String> movesNow,
			int lastFieldTurn, int window) {
		int first = turn - window + 1;
		if (first < 1 || lastFieldTurn >= first || movesNow.isEmpty()) {
			return Optional.empty();
		}
		Map<Integer, List<String>> byTurn = new HashMap<>();
		for (StepVisit visit : visits) {
			if (visit.turn() >= first && visit.scenarioId().equals(scenarioId) && MOVES.contains(visit.reason())) {
				byTurn.computeIfAbsent(visit.turn(), (k) -> new ArrayList<>()).add(visit.stepId());
			}
		}
		byTurn.put(turn, movesNow);
		List<String> targets = new ArrayList<>();
		for (int t = first; t <= turn; t++) {
			List<String> moved = byTurn.get(t);
			if (moved == null) {
				return Optional.empty();
			}
			targets.addAll(moved);
		}
		Set<String> steps = new TreeSet<>(targets);
		return (steps.size() * 2 <= targets.size()) ? Optional.of(new Cycle(steps, targets.size())) : Optional.empty();
	}

}
