package io.ruche.server.wire;

import java.util.List;
import java.util.Map;

import io.ruche.toolbox.model.ToolFailure;
import io.ruche.toolbox.model.ToolOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallJsonTests {

	@Test
	void aCompletedCallCarriesItsOutput() {
		Map<String, Object> written = ToolCallJson.write(new ToolOutcome.Completed("weather", "sunny", 12), true);

		assertThat(written).containsEntry("status", "ok")
			.containsEntry("duration_ms", 12L)
			.containsEntry("output", "sunny")
			.doesNotContainKeys("message", "reason");
	}

	@Test
	void aFailedCallCarriesItsStatusMessageAndReason() {
		Map<String, Object> invalid = ToolCallJson.write(
				new ToolOutcome.Failed(new ToolFailure.InvalidArguments("weather", List.of("$.city: is missing")), 1),
				true);
		Map<String, Object> limited = ToolCallJson
			.write(new ToolOutcome.Failed(new ToolFailure.RateLimited("weather", "tool_rate"), 2), true);

		assertThat(invalid).containsEntry("status", "rejected")
			.containsEntry("reason", "invalid_arguments")
			.containsEntry("message", "invalid arguments for 'weather': $.city: is missing")
			.containsEntry("output", null);
		assertThat(limited).containsEntry("status", "rate_limited").doesNotContainKey("reason");
	}

	@Test
	void aRefusedConfirmationSaysWhenNoOneCouldBeAsked() {
		ToolOutcome refused = new ToolOutcome.Failed(
				new ToolFailure.Rejected("pay", ToolFailure.Reason.CONFIRMATION_REFUSED, "confirmation refused"), 0);

		assertThat(ToolCallJson.write(refused, true)).containsEntry("message", "confirmation refused")
			.containsEntry("reason", "confirmation_refused");
		assertThat(ToolCallJson.write(refused, false).get("message").toString())
			.endsWith("(the client did not declare the elicitation capability, so no one could confirm)");
	}

}
