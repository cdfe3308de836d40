package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import io.ruche.brain.ProgressListener;
import io.ruche.brain.model.Trace;
import io.ruche.brain.port.TurnMetrics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the phases of one turn: timing, trace entry, metrics, progress, and degradation of
 * optional phases (a failure is recorded and the turn goes on).
 */
final class PhaseRecorder {

	private static final Logger log = LoggerFactory.getLogger(PhaseRecorder.class);

	private final List<Trace.Phase> phases = new ArrayList<>();

	private final TurnMetrics metrics;

	private final @Nullable ProgressListener progress;

	private final int total;

	private final long startedAt = System.nanoTime();

	PhaseRecorder(TurnMetrics metrics, @Nullable ProgressListener progress, List<TurnPhase> plan) {
		this.metrics = metrics;
		this.progress = progress;
		this.total = plan.size();
	}

	/**
	 * Runs an optional phase: a failure is recorded and the turn goes on without it.
	 * @return true when the phase completed
	 */
	boolean run(TurnPhase phase, Consumer<Map<String, Object>> body) {
		try {
			compute(phase, (decisions) -> {
				body.accept(decisions);
				return Boolean.TRUE;
			});
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("turn phase {} failed and was skipped", phase.wireName(), ex);
			return false;
		}
	}

	/**
	 * Runs a required phase and returns what it made; its failure is recorded, then
	 * rethrown.
	 */
	<T> T compute(TurnPhase phase, Function<Map<String, Object>, T> body) {
		announce(phase);
		Map<String, Object> decisions = new LinkedHashMap<>();
		long start = System.nanoTime();
		try {
			T made = body.apply(decisions);
			record(phase, start, "ok", decisions);
			return made;
		}
		catch (RuntimeException ex) {
			decisions.put("error", String.valueOf(ex.getMessage()));
			record(phase, start, "failed", decisions);
			throw ex;
		}
	}

	void skip(TurnPhase phase, String reason) {
		announce(phase);
		record(phase, System.nanoTime(), "skipped", Map.of("reason", reason));
	}

	List<Trace.Phase> phases() {
		return List.copyOf(this.phases);
	}

	long elapsedMs() {
		return (System.nanoTime() - this.startedAt) / 1_000_000;
	}

	private void announce(TurnPhase phase) {
		if (this.progress != null) {
			try {
				this.progress.phase(phase.wireName(), this.phases.size() + 1, this.total);
			}
			catch (RuntimeException ex) {
				log.debug("progress listener failed", ex);
			}
		}
	}

	private void record(TurnPhase phase, long start, String status, Map<String, Object> decisions) {
		long nanos = System.nanoTime() - start;
		this.phases.add(new Trace.Phase(phase.wireName(), rounded(nanos / 1_000_000.0), status, readable(decisions)));
		this.metrics.phase(phase.wireName(), nanos, status);
	}

	// Trace decisions are JSON-like: nulls dropped (Map.copyOf rejects them), and every
	// score or duration rounded to 3 decimals, however deep, so a trace reads as a story.
	private static Map<String, Object> readable(Map<?, ?> decisions) {
		Map<String, Object> clean = new LinkedHashMap<>();
		decisions.forEach((key, value) -> {
			if (value != null) {
				clean.put(String.valueOf(key), readableValue(value));
			}
		});
		return clean;
	}

	private static Object readableValue(Object value) {
		return switch (value) {
			case Double number -> rounded(number);
			case Float number -> rounded(number);
			case Map<?, ?> map -> readable(map);
			case List<?> list -> list.stream().filter(Objects::nonNull).map(PhaseRecorder::readableValue).toList();
			default -> value;
		};
	}

	private static double rounded(double value) {
		return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
	}

}
