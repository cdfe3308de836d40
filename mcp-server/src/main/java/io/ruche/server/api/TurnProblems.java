package io.ruche.server.api;

import io.ruche.brain.TurnOutcome;
import io.ruche.server.brain.NoModelAdvice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem of each expected failure of a turn: one exhaustive switch; the MCP
 * edge has its own.
 */
final class TurnProblems {

	private TurnProblems() {
	}

	/**
	 * The problem of a failed turn.
	 * @param failure the failure
	 * @param modelConfigured whether a model provider is configured
	 * @return the problem, with its status
	 */
	static ProblemDetail of(TurnOutcome.Failure<?> failure, boolean modelConfigured) {
		return switch (failure) {
			case TurnOutcome.UnknownAgent<?> unknown ->
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.message());
			case TurnOutcome.UnknownSession<?> unknown ->
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.message());
			case TurnOutcome.WaitExceeded<?> waited -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						waited.message());
				problem.setTitle("Session busy");
				problem.setProperty("retryable", true);
				problem.setProperty("session", waited.session());
				yield problem;
			}
			case TurnOutcome.SessionClosed<?> closed ->
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, closed.message());
			case TurnOutcome.MessageIdReused<?> reused ->
				ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, reused.message());
			case TurnOutcome.NoModelAvailable<?> none -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						NoModelAdvice.message(modelConfigured, false));
				problem.setTitle("No model available");
				problem.setProperty("retryable", false);
				// The turn was recorded all the same: say where to read it.
				problem.setProperty("session", none.session());
				problem.setProperty("trace", none.trace());
				yield problem;
			}
		};
	}

}
