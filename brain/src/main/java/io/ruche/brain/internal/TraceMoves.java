package io.ruche.brain.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.model.Scenario;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.ScenarioTrigger;
import io.ruche.brain.scenario.TransitionResult;

/**
 * Writes scenario moves for the trace as JSON objects a builder can read: the move, the
 * scenario with its name beside its id, the steps, and the reason.
 */
final class TraceMoves {

	private TraceMoves() {
	}

	static Map<String, Object> of(TransitionResult result, AgentSnapshot snapshot) {
		Map<String, Object> move = new LinkedHashMap<>();
		switch (result) {
			case TransitionResult.Entered entered -> {
				move.put("move", "ENTER");
				at(move, "to", entered.to(), snapshot);
				move.put("reason", entered.reason());
			}
			case TransitionResult.Moved moved -> {
				// a migration is named for what happened to the session, as the surface
				// fixes it
				move.put("move", (moved.trigger() == ScenarioTrigger.MIGRATE) ? "MIGRATED" : moved.trigger().name());
				at(move, "from", moved.from(), snapshot);
				move.put("to", moved.to().stepId());
				move.put("reason", moved.reason());
			}
			case TransitionResult.Stayed stayed -> {
				move.put("move", "STAY");
				if (stayed.state() instanceof ScenarioState.AtStep at) {
					at(move, "step", at, snapshot);
				}
				move.put("reason", stayed.reason());
			}
			case TransitionResult.Exited exited -> {
				move.put("move", "EXIT");
				at(move, "from", exited.from(), snapshot);
				move.put("reason", exited.reason());
			}
			case TransitionResult.Switched switched -> {
				move.put("move", "SWITCH");
				at(move, "to", switched.to(), snapshot);
				left(move, switched.from(), snapshot);
				move.put("reason", switched.reason());
			}
			case TransitionResult.Resumed resumed -> {
				move.put("move", "RESUME");
				at(move, "to", resumed.to(), snapshot);
				if (resumed.from() != null) {
					left(move, resumed.from(), snapshot);
				}
				move.put("reason", resumed.reason());
			}
			case TransitionResult.Refused refused -> {
				move.put("move", "REFUSED");
				move.put("trigger", refused.trigger().name());
			}
		}
		return move;
	}

	// the scenario a switch or a resume left, unfinished
	private static void left(Map<String, Object> move, ScenarioState.AtStep from, AgentSnapshot snapshot) {
		Map<String, Object> left = new LinkedHashMap<>();
		at(left, "step", from, snapshot);
		move.put("left", left);
	}

	private static void at(Map<String, Object> move, String stepKey, ScenarioState.AtStep at, AgentSnapshot snapshot) {
		Scenario scenario = snapshot.scenario(at.scenarioId());
		move.put("scenario", Map.of("id", at.scenarioId(), "name", (scenario != null) ? scenario.name() : ""));
		move.put(stepKey, at.stepId());
	}

}
