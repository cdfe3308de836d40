package io.ruche.server.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Session;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;

/**
 * Writes a recorded conversation straight into the stores, for the inspection pages.
 */
public final class ConversationFixtures {

	private ConversationFixtures() {
	}

	/**
	 * Records a session of one turn, with a realistic trace.
	 * @param sessions the session store
	 * @param turns the turn store
	 * @param tenant the tenant
	 * @param agentId the agent id
	 * @return the trace id
	 */
	public static Recorded oneTurn(SessionStore sessions, TurnStore turns, TenantId tenant, String agentId) {
		Instant now = Instant.now();
		String sessionId = Ids.newId("ses");
		Session session = sessions.save(new Session(tenant, sessionId, agentId, "customer-42", "api",
				SessionStatus.ACTIVE, 1,
				new Session.SessionState(null, null, Map.of("order_number", "A-1001"), Map.of(), Map.of(), List.of()),
				0, now, now));
		String traceId = Ids.newId("trc");
		List<Trace.Phase> phases = List.of(new Trace.Phase("load", 1.2, "ok", Map.of("rules", 2, "scenarios", 1)),
				new Trace.Phase("situation", 3.4, "ok", Map.of("language", "en")),
				new Trace.Phase("retrieval", 12.5, "ok",
						Map.of("candidates", 2, "selection", "kept scores above the largest gap", "kept",
								List.of(Map.of("rule", "refund delay", "score", 0.812)))),
				new Trace.Phase("scenario_navigation", 2.0, "ok", Map.of("moves", List.of(), "state", "none")),
				new Trace.Phase("tools", 0.1, "skipped", Map.of("reason", "no tool named by the matched rules")),
				new Trace.Phase("generation", 40.0, "ok", Map.of("mode", "template")),
				new Trace.Phase("enforcement", 0.8, "ok", enforcement()));
		turns.record(new TurnRecord(tenant, sessionId, 1, "Can I get a refund?", "Refunds take 5 days.", "template",
				List.of(new TurnRecord.MatchedRule("rul_x", "refund delay", 0.812)), null, null, List.of(), traceId,
				now), new Trace(tenant, traceId, sessionId, 1, phases, now));
		return new Recorded(session.id(), traceId);
	}

	private static Map<String, Object> enforcement() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("constraints", 1);
		d.put("passed", true);
		d.put("violations", List.of());
		d.put("regenerations", 0);
		return d;
	}

	/**
	 * A recorded conversation.
	 *
	 * @param session the session id
	 * @param trace the trace of its turn
	 */
	public record Recorded(String session, String trace) {
	}

}
