package io.ruche.brain.port;

/**
 * Receives turn measurements (the application records them with Micrometer). Calls must
 * be cheap and must not throw.
 */
public interface TurnMetrics {

	/** Discards every measurement. */
	TurnMetrics NOOP = new TurnMetrics() {
	};

	/**
	 * One phase ran.
	 * @param phase the phase name
	 * @param nanos how long it took
	 * @param status {@code ok}, {@code skipped} or {@code failed}
	 */
	default void phase(String phase, long nanos, String status) {
	}

	/**
	 * One model call was made.
	 * @param purpose {@code generation}, {@code regeneration}, {@code sampling} or
	 * {@code judge}
	 * @param nanos how long it took
	 * @param inputTokens tokens read, 0 when unknown
	 * @param outputTokens tokens generated, 0 when unknown
	 */
	default void modelCall(String purpose, long nanos, int inputTokens, int outputTokens) {
	}

	/**
	 * The model tokens one turn used, once per turn that used any. Tags carry the
	 * tenant's id and the agent's name, never what the interlocutor wrote.
	 * @param tenant the tenant id
	 * @param agent the agent name
	 * @param source {@code model} (the configured model) or {@code sampling} (the
	 * client's)
	 * @param inputTokens prompt tokens
	 * @param outputTokens completion tokens
	 */
	default void tokens(String tenant, String agent, String source, long inputTokens, long outputTokens) {
	}

	/**
	 * A turn was refused because a budget was spent.
	 * @param tenant the tenant id
	 * @param agent the agent name
	 * @param scope {@code tenant} or {@code agent}
	 * @param budget {@code turns_per_minute} or {@code model_tokens_per_day}
	 */
	default void budgetRefused(String tenant, String agent, String scope, String budget) {
	}

}
