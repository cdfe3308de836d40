package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Trace;
import io.ruche.brain.port.TurnMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhaseRecorderTests {

	@Test
	void roundsEveryNumberOfATraceToThreeDecimalsHoweverDeep() {
		PhaseRecorder phases = new PhaseRecorder(TurnMetrics.NOOP, null, TurnPhase.CONVERSE);

		phases.run(TurnPhase.RETRIEVAL, (decisions) -> {
			decisions.put("selection", Map.of("best_score", 0.734_567_8, "threshold", 0.25));
			decisions.put("kept", List.of(Map.of("rule", "refunds", "score", 0.412_345)));
			decisions.put("left_out", null);
		});

		Trace.Phase retrieval = phases.phases().get(0);
		assertThat(retrieval.name()).isEqualTo("retrieval");
		assertThat(retrieval.decisions()).doesNotContainKey("left_out");
		assertThat(retrieval.decisions().get("selection")).isEqualTo(Map.of("best_score", 0.735, "threshold", 0.25));
		assertThat(retrieval.decisions().get("kept")).isEqualTo(List.of(Map.of("rule", "refunds", "score", 0.412)));
	}

	@Test
	void announcesEachPhaseAgainstTheLengthOfItsPlan() {
		List<String> heard = new ArrayList<>();
		PhaseRecorder phases = new PhaseRecorder(TurnMetrics.NOOP,
				(phase, index, total) -> heard.add(phase + " " + index + "/" + total), TurnPhase.GUIDANCE);

		String made = phases.compute(TurnPhase.CONTEXT, (decisions) -> "opened");
		phases.skip(TurnPhase.SITUATION, "nothing to do");

		assertThat(made).isEqualTo("opened");
		assertThat(heard).containsExactly("context 1/9", "situation 2/9");
	}

	@Test
	void recordsARequiredPhasesFailureThenRethrowsIt() {
		PhaseRecorder phases = new PhaseRecorder(TurnMetrics.NOOP, null, TurnPhase.CONVERSE);

		assertThatThrownBy(() -> phases.compute(TurnPhase.PERSISTENCE, (decisions) -> {
			throw new IllegalStateException("store down");
		})).hasMessage("store down");
		assertThat(phases.phases()).singleElement().satisfies((phase) -> {
			assertThat(phase.status()).isEqualTo("failed");
			assertThat(phase.decisions()).containsEntry("error", "store down");
		});
	}

}
