package io.ruche.server.api;

import java.time.Duration;

import io.ruche.brain.TurnOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

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

}
