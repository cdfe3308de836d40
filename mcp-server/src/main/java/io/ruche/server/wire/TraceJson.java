package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Trace;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.number;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The trace of a turn, as {@code trace_get}, {@code ruche://traces/{trace}} and
 * {@code GET /api/traces/{id}} answer it.
 */
public final class TraceJson {

	public static final Map<String, Object> INPUT = object()
		.required("trace", string("Trace id (from converse or guidance)"))
		.build();

	public static final Map<String, Object> SCHEMA = object().required("id", string("Trace id"))
		.required("session", string("Session id"))
		.required("turn", integer("Turn number"))
		.required("phases",
				arrayOf(object().required("name", string("Phase name"))
					.required("duration_ms", number("Duration in milliseconds"))
					.required("status", enumeration("Outcome", "ok", "skipped", "failed"))
					.required("decisions", anyObject("What the phase decided"))
					.build(), "The phases, in the order they ran"))
		.property("at", string("When the turn finished"))
		.build();

	private TraceJson() {
	}

	public static Map<String, Object> write(Trace trace) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", trace.id());
		map.put("session", trace.sessionId());
		map.put("turn", trace.turn());
		List<Map<String, Object>> phases = trace.phases().stream().map((phase) -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("name", phase.name());
			p.put("duration_ms", Rounding.millis(phase.durationMs()));
			p.put("status", phase.status());
			p.put("decisions", phase.decisions());
			return p;
		}).toList();
		map.put("phases", phases);
		map.put("at", trace.at().toString());
		return map;
	}

}
