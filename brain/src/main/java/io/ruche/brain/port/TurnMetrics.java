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

}
