package io.ruche.server.api;

import java.time.Duration;

import io.ruche.brain.TurnOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class TurnProblemsTests {

	@Test
	void everyFailureIsAProblemWithItsStatus() {
		ProblemDetail unknownAgent = TurnProblems.of(new TurnOutcome.UnknownAgent<>("ghost"), true);
		ProblemDetail unknownSession = TurnProblems.of(new TurnOutcome.UnknownSession<>("ses_9"), true);
		ProblemDetail busy = TurnProblems.of(new TurnOutcome.WaitExceeded<>("ses_1", Duration.ofSeconds(30), "m-1"),
				true);
		ProblemDetail noModel = TurnProblems.of(new TurnOutcome.NoModelAvailable<>("no model", "ses_1", "trc_1"), true);

		assertThat(unknownAgent.getStatus()).isEqualTo(404);
		assertThat(unknownAgent.getDetail()).isEqualTo("unknown agent 'ghost'");
		assertThat(unknownSession.getStatus()).isEqualTo(404);
		assertThat(unknownSession.getDetail()).isEqualTo("unknown session 'ses_9'");
		assertThat(busy.getStatus()).isEqualTo(503);
		assertThat(busy.getDetail()).contains("ses_1", "30000 ms", "message_id 'm-1'");
		assertThat(busy.getProperties()).containsEntry("retryable", true);
		assertThat(noModel.getStatus()).isEqualTo(503);
		assertThat(noModel.getTitle()).isEqualTo("No model available");
		assertThat(noModel.getDetail()).startsWith("No model is available: the configured model could not answer");
		assertThat(noModel.getProperties()).containsEntry("retryable", false);
	}

	@Test
	void aSpentBudgetIsTooManyRequestsWithRetryAfter() {
		var spent = new TurnOutcome.BudgetExceeded<>("tenant", "turns_per_minute", 2, Duration.ofMillis(41_200));

		ResponseEntity<?> response = TurnProblems.response(spent, true);

		assertThat(response.getStatusCode().value()).isEqualTo(429);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(problem).isNotNull();
		assertThat(problem.getDetail()).isEqualTo(
				"the tenant budget turns_per_minute (2 turns per minute) is spent; retry after 42 s: nothing ran");
		assertThat(problem.getProperties()).containsEntry("budget", "turns_per_minute")
			.containsEntry("scope", "tenant")
			.containsEntry("limit", 2L)
			.containsEntry("retry_after_seconds", 42L);
	}

}
