package io.ruche.server.mcp;

import java.time.Duration;

import io.ruche.brain.TurnOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnFailuresTests {

	@Test
	void everyFailureIsAToolErrorWithAMessageToActOn() {
		ToolReply unknownAgent = TurnFailures.toolError(new TurnOutcome.UnknownAgent<>("ghost"), true, false);
		ToolReply unknownSession = TurnFailures.toolError(new TurnOutcome.UnknownSession<>("ses_9"), true, false);
		ToolReply busy = TurnFailures.toolError(new TurnOutcome.WaitExceeded<>("ses_1", Duration.ofSeconds(30), null),
				true, false);
		ToolReply noModel = TurnFailures.toolError(new TurnOutcome.NoModelAvailable<>("no model", "ses_1", "trc_1"),
				false, false);

		assertThat(unknownAgent.error()).isTrue();
		assertThat(unknownAgent.structured()).isNull();
		assertThat(unknownAgent.text()).isEqualTo("Unknown agent 'ghost'.");
		assertThat(unknownSession.text()).isEqualTo("Unknown session 'ses_9': start a new one by omitting 'session'.");
		assertThat(busy.text()).isEqualTo("Session ses_1 was still busy with earlier turns after 30000 ms; nothing ran "
				+ "for this message: send it again (with the same message_id, if it had one).");
		assertThat(noModel.text()).startsWith("No model is available: no model is configured")
			.endsWith("The turn is recorded in session ses_1 (trace trc_1).");
	}

	@Test
	void noModelSaysWhichSourceFailed() {
		ToolReply sampled = TurnFailures.toolError(new TurnOutcome.NoModelAvailable<>("no model", "ses_1", "trc_1"),
				false, true);

		assertThat(sampled.text()).startsWith("No model is available: the client's sampling could not answer");
	}

	@Test
	void aSpentBudgetNamesItselfAndWhenToRetry() {
		ToolReply spent = TurnFailures.toolError(
				new TurnOutcome.BudgetExceeded<>("agent", "model_tokens_per_day", 40, Duration.ofSeconds(3600)), true,
				false);

		assertThat(spent.error()).isTrue();
		assertThat(spent.text()).isEqualTo(
				"The agent budget model_tokens_per_day (40 model tokens per UTC day) is spent; retry after 3600 s: "
						+ "nothing ran.");
	}

}
