package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

	PhaseRecorder(TurnMetrics metrics, @Nullable ProgressListener progress, int total) {
		this.metrics = metrics;
		this.progress = progress;
		this.total = total;
	}

	/**
	 * Runs a phase. A required phase's failure is recorded then rethrown.
	 * @return true when the phase completed
	 */
	boolean run(String name, boolean optional, Consumer<Map<String, Object>> body) {
		announce(name);
		Map<String, Object> decisions = new LinkedHashMap<>();
		long start = System.nanoTime();
		try {
			body.accept(decisions);
			record(name, start, "ok", decisions);
			return true;
		}
		catch (RuntimeException ex) {
			decisions.put("error", String.valueOf(ex.getMessage()));
			record(name, start, "failed", decisions);
			if (!optional) {
				throw ex;
			}
			log.warn("turn phase {} failed and was skipped", name, ex);
			return false;
		}
	}

	void skip(String name, String reason) {
		announce(name);
		record(name, System.nanoTime(), "skipped", Map.of("reason", reason));
	}

	List<Trace.Phase> phases() {
		return List.copyOf(this.phases);
	}

	long elapsedMs() {
		return (System.nanoTime() - this.startedAt) / 1_000_000;
	}

	private void announce(String name) {
		if (this.progress != null) {
			try {
				this.progress.phase(name, this.phases.size() + 1, this.total);
			}
			catch (RuntimeException ex) {
				log.debug("progress listener failed", ex);
			}
		}
	}

	private void record(String name, long start, String status, Map<String, Object> decisions) {
		long nanos = System.nanoTime() - start;
		this.phases.add(new Trace.Phase(name, nanos / 1_000_000.0, status, sanitize(decisions)));
		this.metrics.phase(name, nanos, status);
	}

	// Trace decisions are JSON-like; Map.copyOf also rejects null values, so drop them.
	private static Map<String, Object> sanitize(Map<String, Object> decisions) {
		Map<String, Object> clean = new LinkedHashMap<>();
		decisions.forEach((key, value) -> {
			if (value != null) {
				clean.put(key, value);
			}
		});
		return clean;
	}

}
