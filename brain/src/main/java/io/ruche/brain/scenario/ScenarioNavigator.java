package io.ruche.brain.scenario;

import io.ruche.brain.expression.Expressions;
import io.ruche.brain.scenario.internal.DefaultScenarioNavigator;

/**
 * Moves a session through its scenarios, one turn at a time. An idle session enters the
 * best scenario whose entry similarity reaches the threshold (an unrelated message starts
 * nothing). An active one exits once its terminal step was answered, relocalizes when its
 * step disappeared, and otherwise follows, up to the loop guard: CEL transitions in
 * order, then a natural-language transition that wins by the margin, unless the message
 * fits another nearby step clearly better (relocalization), then step skipping over steps
 * whose fields are known. Fields with a pattern are filled from the message at each step
 * visited.
 */
public interface ScenarioNavigator {

	/**
	 * Creates a navigator.
	 * @param expressions evaluates CEL transition conditions
	 * @param settings thresholds and the loop guard
	 * @return a thread-safe navigator, never null
	 */
	static ScenarioNavigator create(Expressions expressions, NavigationSettings settings) {
		return new DefaultScenarioNavigator(expressions, settings);
	}

	/**
	 * Navigates one turn. Pure: persists nothing.
	 * @param input the turn's input
	 * @return the outcome, never null
	 */
	Navigation navigate(NavigationInput input);

}
