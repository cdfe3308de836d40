package io.ruche.server.api;

import io.ruche.brain.TurnOutcome;
import io.ruche.server.brain.NoModelAdvice;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

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
			case TurnOutcome.BudgetExceeded<?> spent -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
						spent.message() + ": nothing ran");
				problem.setTitle("Budget spent");
				problem.setProperty("scope", spent.scope());
				problem.setProperty("budget", spent.budget());
				problem.setProperty("limit", spent.limit());
				problem.setProperty("retry_after_seconds", spent.retryAfterSeconds());
				yield problem;
			}
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

	/**
	 * The response of a failed turn: its problem, with {@code Retry-After} when a budget
	 * is spent.
	 * @param failure the failure
	 * @param modelConfigured whether a model provider is configured
	 * @return the response
	 */
	static ResponseEntity<?> response(TurnOutcome.Failure<?> failure, boolean modelConfigured) {
		ResponseEntity.HeadersBuilder<?> response = ResponseEntity.of(of(failure, modelConfigured));
		if (failure instanceof TurnOutcome.BudgetExceeded<?> spent) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(spent.retryAfterSeconds()));
		}
		return response.build();
	}

}
