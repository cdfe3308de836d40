package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.ruche.brain.SessionView;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.TurnRecord;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A conversation session: with its turns as {@code session_get} and
 * {@code ruche://sessions/{session}} answer, or without them (with {@code turn_count} and
 * {@code version}) in the REST listing.
 */
public final class SessionJson {

	private static final Map<String, Object> ABANDONED = object().required("id", string("Scenario id"))
		.required("name", nullable(string("Scenario name, null when it no longer exists")))
		.required("step", string("The step it was left at, where a resume goes back to"))
		.required("fields", anyObject("Its collected fields by name, given back on resume"))
		.required("turn", integer("The turn it was left in"))
		.required("reason", string("Why: switch, exit condition or cancel"))
		.build();

	public static final Map<String, Object> INPUT = object().required("session", string("Session id")).build();

	private static final Map<String, Object> TURN = object().required("turn", integer("1-based turn number"))
		.required("message", string("What the interlocutor said"))
		.required("response", nullable(string("The agent's reply, or null for guidance not yet committed")))
		.required("mode", string("How the reply was made"))
		.property("matched_rules", TurnParts.MATCHED_RULES)
		.property("scenario", nullable(string("Active scenario id after the turn")))
		.property("step", nullable(string("Active step id after the turn")))
		.property("tool_calls", arrayOf(anyObject("tool, status"), "Tools run"))
		.property("trace", string("Trace id"))
		.property("at", string("When the turn finished"))
		.build();

	public static final Map<String, Object> SCHEMA = fields(object())
		.required("turns", arrayOf(TURN, "The turns, oldest first"))
		.build();

	/** A session in a list. */
	public static final Map<String, Object> SUMMARY_SCHEMA = fields(object())
		.required("turn_count", integer("Turns so far"))
		.required("version", integer("Version, the ETag of the session"))
		.build();

	/** What {@code session_close} answers. */
	public static final Map<String, Object> CLOSED_SCHEMA = object().required("session", string("Session id"))
		.required("status", enumeration("The session's status", "closed"))
		.required("closed_at", string("When it was closed"))
		.build();

	private SessionJson() {
	}

	/**
	 * The answer to {@code session_close}.
	 * @param session the closed session
	 * @return its JSON
	 */
	public static Map<String, Object> closed(Session session) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("session", session.id());
		map.put("status", session.status().name().toLowerCase(Locale.ROOT));
		map.put("closed_at", session.updatedAt().toString());
		return map;
	}

	private static Schemas.ObjectSchema fields(Schemas.ObjectSchema schema) {
		return schema.required("id", string("Session id"))
			.required("agent",
					object().required("id", string("Agent id"))
						.required("name", nullable(string("Agent name")))
						.build())
			.required("interlocutor", string("Interlocutor id"))
			.required("channel", string("Channel"))
			.required("status",
					enumeration("Lifecycle status now: idle after the agent's idle_after, closed by "
							+ "session_close or after close_after", "active", "idle", "closed"))
			.required("scenario",
					nullable(object().required("id", string("Scenario id"))
						.required("name", nullable(string("Scenario name")))
						.required("step", string("Active step id"))
						.build()))
			.required("variables", anyObject("Collected fields by name"))
			.required("abandoned_scenarios", arrayOf(ABANDONED, "Scenarios left before their end, most recent first"))
			.property("created_at", string("When the session started"))
			.property("updated_at", string("When the session last changed"));
	}

	/**
	 * A session with its turns.
	 * @param view the session
	 * @param turns its turns, oldest first
	 * @return its JSON
	 */
	public static Map<String, Object> write(SessionView view, List<TurnRecord> turns) {
		Map<String, Object> map = summary(view);
		map.remove("turn_count");
		map.remove("version");
		map.put("turns", turns.stream().map(SessionJson::turn).toList());
		return map;
	}

	/**
	 * A session without its turns, with {@code turn_count} and {@code version}.
	 * @param view the session
	 * @return its JSON, mutable
	 */
	public static Map<String, Object> summary(SessionView view) {
		Session session = view.session();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", session.id());
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("id", session.agentId());
		agent.put("name", view.agentName());
		map.put("agent", agent);
		map.put("interlocutor", session.interlocutorId());
		map.put("channel", session.channel());
		map.put("status", view.status().name().toLowerCase(Locale.ROOT));
		map.put("turn_count", session.turnCount());
		Session.SessionState state = session.state();
		if (state.scenarioId() != null && state.stepId() != null) {
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("id", state.scenarioId());
			scenario.put("name", view.scenarioName());
			scenario.put("step", state.stepId());
			map.put("scenario", scenario);
		}
		else {
			map.put("scenario", null);
		}
		map.put("variables", new TreeMap<>(state.variables()));
		map.put("abandoned_scenarios",
				state.scenarioMemory().abandoned().reversed().stream().map((left) -> abandoned(view, left)).toList());
		map.put("version", session.version());
		map.put("created_at", session.createdAt().toString());
		map.put("updated_at", session.updatedAt().toString());
		return map;
	}

	// A scenario left unfinished, as a later turn may resume it.
	private static Map<String, Object> abandoned(SessionView view, Session.AbandonedScenario left) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", left.scenarioId());
		map.put("name", view.scenarioNames().get(left.scenarioId()));
		map.put("step", left.stepId());
		map.put("fields", new TreeMap<>(left.fields()));
		map.put("turn", left.turn());
		map.put("reason", left.reason());
		return map;
	}

	private static Map<String, Object> turn(TurnRecord turn) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("turn", turn.turn());
		map.put("message", turn.message());
		map.put("response", turn.response());
		map.put("mode", turn.mode());
		map.put("matched_rules", TurnParts.matchedRules(turn.matchedRules()));
		map.put("scenario", turn.scenarioId());
		map.put("step", turn.stepId());
		map.put("tool_calls", TurnParts.toolCalls(turn.toolCalls()));
		map.put("trace", turn.traceId());
		map.put("at", turn.at().toString());
		return map;
	}

}
