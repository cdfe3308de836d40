package io.ruche.brain;

import java.util.List;

import io.ruche.brain.model.TurnRecord.MatchedRule;
import org.jspecify.annotations.Nullable;

/**
 * Guidance for the client's model (the {@code guidance} tool's structured content).
 *
 * @param session the session id
 * @param turn the 1-based turn number
 * @param matchedRules the rules kept for the turn, best first
 * @param scenario the active scenario after the turn, or null
 * @param instructions text for the client's model
 * @param constraints the CEL constraints its reply must satisfy
 * @param template a matched template, rendered, or null
 * @param suggestedTools tools named by the matched rules and the current step
 * @param trace the trace id
 */
public record GuidanceResult(String session, int turn, List<MatchedRule> matchedRules,
		@Nullable ScenarioPosition scenario, String instructions, List<ConstraintView> constraints,
		@Nullable String template, List<String> suggestedTools, String trace) {

	public GuidanceResult {
		matchedRules = List.copyOf(matchedRules);
		constraints = List.copyOf(constraints);
		suggestedTools = List.copyOf(suggestedTools);
	}

	/**
	 * A constraint as shown to a client.
	 *
	 * @param rule the rule name
	 * @param expression the CEL expression
	 */
	public record ConstraintView(String rule, String expression) {
	}

}
