package io.ruche.brain;

import java.util.List;

import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a message (the {@code converse} tool's structured content).
 *
 * @param session the session id
 * @param turn the 1-based turn number
 * @param response the reply
 * @param mode how the reply was made
 * @param matchedRules the rules kept for the turn, best first
 * @param scenario the active scenario after the turn, or null
 * @param toolCalls the tools run
 * @param enforcement the enforcement of the reply
 * @param trace the trace id
 * @param answered which messages the turn answered: the caller's alone, or a burst
 */
public record ConverseResult(String session, int turn, String response, ReplyMode mode, List<MatchedRule> matchedRules,
		@Nullable ScenarioPosition scenario, List<ToolCallSummary> toolCalls, EnforcementSummary enforcement,
		String trace, Answered answered) {

	public ConverseResult {
		matchedRules = List.copyOf(matchedRules);
		toolCalls = List.copyOf(toolCalls);
	}

}
