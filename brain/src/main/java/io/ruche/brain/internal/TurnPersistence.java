package io.ruche.brain.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.Scored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a turn: the session's new state, the turn record with its trace, and an audit
 * record. Called under the session's lock.
 */
final class TurnPersistence {

	private static final Logger log = LoggerFactory.getLogger(TurnPersistence.class);

	private static final int MAX_STEP_HISTORY = 50;

	private final BrainPorts ports;

	TurnPersistence(BrainPorts ports) {
		this.ports = ports;
	}

	void saveSession(TurnState t, Map<String, Object> decisions) {
		Instant now = this.ports.clock().instant();
		SessionState before = t.session.state();
		Map<String, String> variables = new HashMap<>(t.variables);
		Map<String, Integer> fires = new HashMap<>(before.ruleFires());
		Map<String, Integer> lastFired = new HashMap<>(before.ruleLastFiredTurn());
		for (Scored<io.ruche.brain.model.Rule> rule : t.matched) {
			fires.merge(rule.item().id(), 1, Integer::sum);
			lastFired.put(rule.item().id(), t.turn);
		}
		List<StepVisit> history = new ArrayList<>(before.stepHistory());
		for (ScenarioTransitioned event : t.events) {
			String step = (event.toStep() != null) ? event.toStep() : event.fromStep();
			history.add(new StepVisit(event.scenarioId(), String.valueOf(step), t.turn,
					event.trigger().name().toLowerCase(Locale.ROOT)));
		}
		List<StepVisit> trimmed = history.subList(Math.max(0, history.size() - MAX_STEP_HISTORY), history.size());
		SessionState state = new SessionState(t.scenarioId(), t.stepId(), variables, fires, lastFired, trimmed,
				t.scenarioMemory);
		Session s = t.session;
		this.ports.sessions()
			.save(new Session(s.tenant(), s.id(), s.agentId(), s.interlocutorId(), s.channel(), s.status(), t.turn,
					state, s.version(), s.createdAt(), now));
		if (t.newInterlocutor) {
			this.ports.interlocutors().save(t.interlocutor);
		}
		decisions.put("session_created", t.newSession);
		decisions.put("variables", variables.keySet().stream().sorted().toList());
	}

	void recordTurn(TurnState t, String kind, String mode, List<Trace.Phase> phases, long durationMs) {
		Instant now = this.ports.clock().instant();
		List<MatchedRule> matched = matchedRules(t);
		List<ToolCallSummary> tools = t.toolRuns.stream()
			.map((r) -> new ToolCallSummary(r.tool(), r.status()))
			.toList();
		TurnRecord record = new TurnRecord(t.session.tenant(), t.session.id(), t.turn, t.message, t.response, mode,
				matched, t.scenarioId(), t.stepId(), tools, t.traceId, now);
		this.ports.turns()
			.record(record, new Trace(t.session.tenant(), t.traceId, t.session.id(), t.turn, phases, now));
		try {
			this.ports.audit()
				.append(new AuditRecord(
						t.session.tenant(), Ids.newId("aud"), t.actor.id(), "turn." + kind, t.session.id(),
						t.session.id(), "ok", durationMs, Map.of("agent", t.snapshot.agent().id(), "turn",
								String.valueOf(t.turn), "mode", mode, "trace", t.traceId, "role", t.actor.roleName()),
						now));
		}
		catch (RuntimeException ex) {
			// The turn is already recorded; a lost audit line must not fail the reply.
			log.warn("audit of turn {} of session {} failed", t.turn, t.session.id(), ex);
		}
	}

	/**
	 * Audits a reply that {@code enforce} committed to the session's last turn; like a
	 * turn's record, losing it does not undo the commit.
	 */
	void recordCommit(Session session, Actor actor) {
		try {
			this.ports.audit()
				.append(new AuditRecord(session.tenant(), Ids.newId("aud"), actor.id(), "turn.commit", session.id(),
						session.id(), "ok", 0, Map.of("agent", session.agentId(), "turn",
								String.valueOf(session.turnCount()), "role", actor.roleName()),
						this.ports.clock().instant()));
		}
		catch (RuntimeException ex) {
			log.warn("audit of the reply committed to session {} failed", session.id(), ex);
		}
	}

	static List<MatchedRule> matchedRules(TurnState t) {
		return t.matched.stream()
			.map((s) -> new MatchedRule(s.item().id(), s.item().name(), Math.round(s.score() * 1000) / 1000.0))
			.toList();
	}

}
