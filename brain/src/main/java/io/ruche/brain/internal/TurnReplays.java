package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.ruche.brain.Answered;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.EnforcementSummary;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.GuidanceResult.ConstraintView;
import io.ruche.brain.ReplyMode;
import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Answers a message id the session already answered with the stored turn, so that a
 * retried message runs nothing (docs/brain.md, Retries and message ids). What a turn
 * returned and its record does not hold (the enforcement summary, a guidance turn's
 * instructions) is read back from its trace, where the turn wrote it.
 */
final class TurnReplays {

	static final String GUIDANCE_MODE = "guidance";

	/** The context decision naming the agent's accumulation when the turn ran. */
	static final String ACCUMULATION = "accumulation";

	/** The context decision listing the ids of the messages a burst's turn answered. */
	static final String MESSAGES = "messages";

	/**
	 * The context decision listing the runs of the turn that newer messages cancelled.
	 */
	static final String SUPERSEDED = "superseded";

	private static final String COMMITTED_GUIDANCE_MODE = "client";

	private final TurnStore turns;

	TurnReplays(TurnStore turns) {
		this.turns = turns;
	}

	/** What to do with a message: run it, or answer with what is already stored. */
	sealed interface Lookup<T> {

		record Run<T>() implements Lookup<T> {
		}

		record Answered<T>(TurnOutcome<T> outcome) implements Lookup<T> {
		}

	}

	Lookup<ConverseResult> converse(TenantId tenant, @Nullable String sessionRef, @Nullable String messageId,
			String message, AgentSnapshot snapshot) {
		Optional<TurnRecord> answered = answered(tenant, sessionRef, messageId);
		if (answered.isEmpty()) {
			return new Lookup.Run<>();
		}
		TurnRecord turn = answered.get();
		Optional<TurnOutcome<ConverseResult>> refused = refused(turn, message, false);
		if (refused.isPresent()) {
			return new Lookup.Answered<>(refused.get());
		}
		if (TurnTools.ERROR_MODE.equals(turn.mode())) {
			// Nothing answered it: the retry runs, under the same message id, so that its
			// tools replay rather than act twice.
			return new Lookup.Run<>();
		}
		return new Lookup.Answered<>(new TurnOutcome.Completed<>(result(turn, messageId, snapshot)));
	}

	/**
	 * The answer of the turn that answered a kept message of a burst: that turn's reply,
	 * marked with the messages it answered.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param turnNumber the turn that answered the message
	 * @param messageId the caller's message id
	 * @param snapshot the agent as the caller sees it
	 * @return the stored turn's result
	 */
	TurnOutcome<ConverseResult> answered(TenantId tenant, String sessionId, int turnNumber, String messageId,
			AgentSnapshot snapshot) {
		TurnRecord turn = this.turns.turns(tenant, sessionId)
			.stream()
			.filter((t) -> t.turn() == turnNumber)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"message " + messageId + " is marked answered by turn " + turnNumber + ", which is not stored"));
		return new TurnOutcome.Completed<>(result(turn, messageId, snapshot));
	}

	private ConverseResult result(TurnRecord turn, @Nullable String messageId, AgentSnapshot snapshot) {
		Map<String, Object> enforcement = decisions(turn, "enforcement");
		EnforcementSummary summary = new EnforcementSummary(!Boolean.FALSE.equals(enforcement.get("passed")),
				violations(enforcement.get("violations")), number(enforcement.get("regenerations")));
		return new ConverseResult(turn.sessionId(), turn.turn(), String.valueOf(turn.response()),
				ReplyMode.valueOf(turn.mode().toUpperCase(Locale.ROOT)), turn.matchedRules(), position(turn, snapshot),
				turn.toolCalls(), summary, turn.traceId(), messages(turn, messageId));
	}

	// What a turn answered, as its context phase traced it; a turn traced before bursts
	// answered its own message.
	private Answered messages(TurnRecord turn, @Nullable String messageId) {
		Map<String, Object> context = decisions(turn, TurnPhase.CONTEXT.wireName());
		Accumulation.Mode mode = Accumulation.Mode.QUEUE;
		for (Accumulation.Mode candidate : Accumulation.Mode.values()) {
			if (candidate.wireName().equals(context.get(ACCUMULATION))) {
				mode = candidate;
			}
		}
		List<String> messages = list(context.get(MESSAGES)).stream().map(String::valueOf).toList();
		if (messages.isEmpty()) {
			return Answered.alone(messageId, mode);
		}
		return new Answered(messageId, mode, messages, messages.size() > 1, list(context.get(SUPERSEDED)).size());
	}

	Lookup<GuidanceResult> guidance(TenantId tenant, @Nullable String sessionRef, @Nullable String messageId,
			String message, AgentSnapshot snapshot) {
		Optional<TurnRecord> answered = answered(tenant, sessionRef, messageId);
		if (answered.isEmpty()) {
			return new Lookup.Run<>();
		}
		TurnRecord turn = answered.get();
		Optional<TurnOutcome<GuidanceResult>> refused = refused(turn, message, true);
		if (refused.isPresent()) {
			return new Lookup.Answered<>(refused.get());
		}
		Map<String, Object> returned = map(decisions(turn, TurnPhase.PERSISTENCE.wireName()).get(GUIDANCE_MODE));
		List<ConstraintView> constraints = new ArrayList<>();
		for (Object constraint : list(returned.get("constraints"))) {
			Map<String, Object> view = map(constraint);
			constraints
				.add(new ConstraintView(String.valueOf(view.get("rule")), String.valueOf(view.get("expression"))));
		}
		Object template = returned.get("template");
		return new Lookup.Answered<>(
				new TurnOutcome.Completed<>(new GuidanceResult(turn.sessionId(), turn.turn(), turn.matchedRules(),
						position(turn, snapshot), String.valueOf(returned.getOrDefault("instructions", "")),
						constraints, (template != null) ? template.toString() : null,
						list(returned.get("suggested_tools")).stream().map(String::valueOf).toList(), turn.traceId())));
	}

	/** What a guidance turn returned, kept in its trace for a replay. */
	static Map<String, Object> traced(GuidanceResult result) {
		Map<String, Object> returned = new LinkedHashMap<>();
		returned.put("instructions", result.instructions());
		returned.put("constraints",
				result.constraints()
					.stream()
					.map((c) -> Map.<String, Object>of("rule", c.rule(), "expression", c.expression()))
					.toList());
		if (result.template() != null) {
			returned.put("template", result.template());
		}
		returned.put("suggested_tools", result.suggestedTools());
		return returned;
	}

	/** The violations of an enforcement as its trace lists them. */
	static List<Map<String, Object>> traced(EnforcementResult result) {
		return result.violations()
			.stream()
			.map((v) -> Map.<String, Object>of("rule", v.rule(), "rule_id", v.ruleId(), "expression", v.expression(),
					"message", v.message()))
			.toList();
	}

	private Optional<TurnRecord> answered(TenantId tenant, @Nullable String sessionRef, @Nullable String messageId) {
		if (sessionRef == null || messageId == null) {
			return Optional.empty();
		}
		return this.turns.turnForMessage(tenant, sessionRef, messageId);
	}

	private <T> Optional<TurnOutcome<T>> refused(TurnRecord turn, String message, boolean guidance) {
		if (!sameMessage(turn, message)) {
			return Optional.of(reused(turn, "with a different message"));
		}
		boolean guidanceTurn = GUIDANCE_MODE.equals(turn.mode()) || COMMITTED_GUIDANCE_MODE.equals(turn.mode());
		if (guidanceTurn != guidance) {
			return Optional.of(reused(turn, guidanceTurn ? "as a guidance turn" : "as a converse turn"));
		}
		return Optional.empty();
	}

	// A burst's turn reads its messages joined: the message sent again is one of them,
	// as kept.
	private boolean sameMessage(TurnRecord turn, String message) {
		if (PersonalValues.sameMessage(turn.message().strip(), message.strip())) {
			return true;
		}
		String messageId = turn.messageId();
		return messageId != null && this.turns.message(turn.tenant(), turn.sessionId(), messageId)
			.filter((kept) -> kept.text().strip().equals(message.strip()))
			.isPresent();
	}

	private static <T> TurnOutcome<T> reused(TurnRecord turn, String reason) {
		return new TurnOutcome.MessageIdReused<>(turn.sessionId(), String.valueOf(turn.messageId()), turn.turn(),
				reason);
	}

	private Map<String, Object> decisions(TurnRecord turn, String phase) {
		return this.turns.trace(turn.tenant(), turn.traceId())
			.flatMap((trace) -> trace.phases().stream().filter((p) -> p.name().equals(phase)).findFirst())
			.map(Trace.Phase::decisions)
			.orElse(Map.of());
	}

	private static @Nullable ScenarioPosition position(TurnRecord turn, AgentSnapshot snapshot) {
		if (turn.scenarioId() == null || turn.stepId() == null) {
			return null;
		}
		Scenario scenario = snapshot.scenario(turn.scenarioId());
		// A scenario deleted since is still named, by its id.
		return new ScenarioPosition(turn.scenarioId(), (scenario != null) ? scenario.name() : turn.scenarioId(),
				turn.stepId());
	}

	private static List<Violation> violations(@Nullable Object traced) {
		return list(traced).stream()
			.map(TurnReplays::map)
			.map((v) -> new Violation(String.valueOf(v.get("rule_id")), String.valueOf(v.get("rule")),
					String.valueOf(v.get("expression")), String.valueOf(v.get("message"))))
			.toList();
	}

	private static int number(@Nullable Object value) {
		return (value instanceof Number n) ? n.intValue() : 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
	}

	private static List<?> list(@Nullable Object value) {
		return (value instanceof List<?> l) ? l : List.of();
	}

}
