package io.ruche.brain.model;

import java.time.Instant;
import java.util.List;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The immutable record of one turn of a session.
 *
 * @param tenant the owning tenant
 * @param sessionId the session
 * @param turn the 1-based turn number
 * @param message what the interlocutor said
 * @param response what the agent replied, or null for a guidance turn not yet committed
 * @param mode how the reply was made: {@code llm}, {@code sampling}, {@code template},
 * {@code fallback}, {@code guidance} or {@code client}
 * @param matchedRules the rules kept for the turn
 * @param scenarioId the active scenario after the turn, or null
 * @param stepId the active step after the turn, or null
 * @param toolCalls the tools run during the turn
 * @param traceId the trace of the turn
 * @param at when the turn finished
 * @param messageId the caller's id of the message ({@code message_id}, REST
 * {@code Idempotency-Key}), or null
 */
public record TurnRecord(TenantId tenant, String sessionId, int turn, String message, @Nullable String response,
		String mode, List<MatchedRule> matchedRules, @Nullable String scenarioId, @Nullable String stepId,
		List<ToolCallSummary> toolCalls, String traceId, Instant at, @Nullable String messageId) {

	public TurnRecord {
		matchedRules = List.copyOf(matchedRules);
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * A rule kept for a turn.
	 *
	 * @param id the rule id
	 * @param name the rule name
	 * @param score the retrieval score
	 */
	public record MatchedRule(String id, String name, double score) {
	}

	/**
	 * A tool call made during a turn.
	 *
	 * @param tool the tool name
	 * @param status the outcome status
	 */
	public record ToolCallSummary(String tool, String status) {
	}

}
