package io.ruche.brain.scenario;

import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Session.ScenarioMemory;

/**
 * The outcome of navigation for one turn.
 *
 * @param state the state after the turn
 * @param variables the session's fields after extraction
 * @param extracted the fields filled from this message
 * @param results every move tried, in order
 * @param events the state changes, in order
 * @param decisions scores and reasons, for the trace
 * @param memory the abandoned scenarios and when a field last changed, after the turn
 */
public record Navigation(ScenarioState state, Map<String, String> variables, Map<String, String> extracted,
		List<TransitionResult> results, List<ScenarioTransitioned> events, Map<String, Object> decisions,
		ScenarioMemory memory) {

	public Navigation {
		variables = Map.copyOf(variables);
		extracted = Map.copyOf(extracted);
		results = List.copyOf(results);
		events = List.copyOf(events);
		decisions = Map.copyOf(decisions);
	}

}
