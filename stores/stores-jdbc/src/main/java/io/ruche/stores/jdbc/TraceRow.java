package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Trace;
import io.ruche.brain.model.Trace.Phase;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code traces}; the phases are JSON in {@code phases}. */
@Table("traces")
record TraceRow(@Id TenantKey key, String sessionId, int turn, Body phases, Instant occurredAt) {

	static TraceRow of(Trace trace) {
		return new TraceRow(TenantKey.of(trace.tenant(), trace.id()), trace.sessionId(), trace.turn(),
				new Body(Rows.map(trace.phases(), PhaseBody::of)), Rows.micros(trace.at()));
	}

	Trace toTrace() {
		return new Trace(this.key.tenant(), this.key.id(), this.sessionId, this.turn,
				Rows.map(this.phases.phases(), PhaseBody::toPhase), this.occurredAt);
	}

	/** The JSON of a trace's phases. */
	record Body(List<PhaseBody> phases) implements JsonBody {
	}

	/** The JSON of one {@link Phase}. */
	record PhaseBody(String name, double durationMs, String status, Map<String, Object> decisions) {

		static PhaseBody of(Phase phase) {
			return new PhaseBody(phase.name(), phase.durationMs(), phase.status(), phase.decisions());
		}

		Phase toPhase() {
			return new Phase(this.name, this.durationMs, this.status, this.decisions);
		}

	}

}
