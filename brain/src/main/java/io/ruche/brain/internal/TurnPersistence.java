package io.ruche.brain.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.kernel.crypto.Keyring;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.Scored;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a turn: the session's new state, the turn record with its trace, and an audit
 * record. Called under the session's lock.
 */
final class TurnPersistence {

	private static final Logger log = LoggerFactory.getLogger(TurnPersistence.class);

	private static final int MAX_STEP_HISTORY = 50;

	private final SessionStore sessions;

	private final InterlocutorStore interlocutors;

	private final TurnStore turns;

	private final AuditLog audit;

	private final Clock clock;

	private final Keyring keyring;

	TurnPersistence(SessionStore sessions, InterlocutorStore interlocutors, TurnStore turns, AuditLog audit,
			Clock clock, Keyring keyring) {
		this.keyring = keyring;
		this.sessions = sessions;
		this.interlocutors = interlocutors;
		this.turns = turns;
		this.audit = audit;
		this.clock = clock;
	}

	void saveSession(TurnState turn, Map<String, Object> decisions) {
		Instant now = this.clock.instant();
		SessionState before = turn.session.state();
		Map<String, String> variables = new HashMap<>(turn.variables);
		Map<String, Integer> fires = new HashMap<>(before.ruleFires());
		Map<String, Integer> lastFired = new HashMap<>(before.ruleLastFiredTurn());
		for (Scored<io.ruche.brain.model.Rule> rule : turn.matched) {
			fires.merge(rule.item().id(), 1, Integer::sum);
			lastFired.put(rule.item().id(), turn.turn);
		}
		List<StepVisit> history = new ArrayList<>(before.stepHistory());
		for (ScenarioTransitioned event : turn.events) {
			String step = (event.toStep() != null) ? event.toStep() : event.fromStep();
			history.add(new StepVisit(event.scenarioId(), String.valueOf(step), turn.turn,
					event.trigger().name().toLowerCase(Locale.ROOT)));
		}
		List<StepVisit> trimmed = history.subList(Math.max(0, history.size() - MAX_STEP_HISTORY), history.size());
		// Personal values are stored sealed (docs/privacy.md).
		PersonalValues personal = PersonalValues.of(turn, false);
		SessionState state = new SessionState(turn.scenarioId(), turn.stepId(),
				personal.seal(turn.session.tenant(), this.keyring, variables), fires, lastFired, trimmed,
				turn.scenarioMemory);
		Session s = turn.session;
		this.sessions.save(new Session(s.tenant(), s.id(), s.agentId(), s.interlocutorId(), s.channel(), s.status(),
				turn.turn, state, s.version(), s.createdAt(), now));
		Interlocutor profile = profile(turn, now);
		if (turn.newInterlocutor || profile != turn.interlocutor) {
			this.interlocutors.save(profile.withFields(PersonalValues.of(turn.snapshot, Map.of(), profile, false)
				.seal(profile.tenant(), this.keyring, profile.fields())));
		}
		decisions.put("session_created", turn.newSession);
		decisions.put("variables", variables.keySet().stream().sorted().toList());
	}

	// The interlocutor with the fields marked profile (by the agent or by a step) that
	// this session knows, or the same instance when nothing changed.
	private static Interlocutor profile(TurnState turn, Instant now) {
		Map<String, String> fields = new HashMap<>(turn.interlocutor.fields());
		Set<String> personal = new HashSet<>(turn.interlocutor.personalFields());
		for (FieldSpec field : turn.snapshot.agent().fields()) {
			keep(field, turn, fields, personal);
		}
		for (var scenario : turn.snapshot.scenarios()) {
			for (ScenarioStep step : scenario.scenario().steps()) {
				for (FieldSpec field : step.collects()) {
					keep(field, turn, fields, personal);
				}
			}
		}
		if (fields.equals(turn.interlocutor.fields())) {
			return turn.interlocutor;
		}
		return new Interlocutor(turn.interlocutor.tenant(), turn.interlocutor.id(), fields, personal, now);
	}

	private static void keep(FieldSpec field, TurnState turn, Map<String, String> fields, Set<String> personal) {
		String value = turn.variables.get(field.name());
		if (field.profile() && value != null && !value.equals(fields.get(field.name()))) {
			fields.put(field.name(), value);
			if (field.personal()) {
				personal.add(field.name());
			}
		}
	}

	void recordTurn(TurnState turn, String mode, List<Trace.Phase> phases) {
		Instant now = this.clock.instant();
		List<MatchedRule> matched = matchedRules(turn);
		List<ToolCallSummary> tools = turn.toolRuns.stream()
			.map((r) -> new ToolCallSummary(r.tool(), r.status()))
			.toList();
		// What the interlocutor said and was answered is kept with its personal values
		// masked, like the trace (docs/privacy.md).
		PersonalValues personal = PersonalValues.of(turn, false);
		String response = turn.response;
		TurnRecord record = new TurnRecord(turn.session.tenant(), turn.session.id(), turn.turn,
				personal.mask(turn.message), (response != null) ? personal.mask(response) : null, mode, matched,
				turn.scenarioId(), turn.stepId(), tools, turn.traceId, now, turn.messageId);
		List<Trace.Phase> masked = phases.stream()
			.map((phase) -> new Trace.Phase(phase.name(), phase.durationMs(), phase.status(),
					masked(personal, phase.decisions())))
			.toList();
		this.turns.record(record,
				new Trace(turn.session.tenant(), turn.traceId, turn.session.id(), turn.turn, masked, now));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> masked(PersonalValues personal, Map<String, Object> decisions) {
		return (Map<String, Object>) personal.maskDeep(decisions);
	}

	/**
	 * Audits a recorded turn, outside the turn's own write: losing the audit line does
	 * not undo the turn.
	 */
	void auditTurn(TurnState turn, String kind, String mode, long durationMs) {
		try {
			this.audit.append(new AuditRecord(turn.session.tenant(), Ids.newId("aud"), turn.actor.id(), "turn." + kind,
					turn.session.id(), turn.session.id(), "ok", durationMs,
					Map.of("agent", turn.snapshot.agent().id(), "turn", String.valueOf(turn.turn), "mode", mode,
							"trace", turn.traceId, "role", turn.actor.roleName()),
					this.clock.instant()));
		}
		catch (RuntimeException ex) {
			log.warn("audit of turn {} of session {} failed", turn.turn, turn.session.id(), ex);
		}
	}

	/**
	 * Audits a reply that {@code enforce} committed to the session's last turn; like a
	 * turn's record, losing it does not undo the commit.
	 */
	void recordCommit(Session session, Actor actor) {
		try {
			this.audit.append(
					new AuditRecord(session.tenant(), Ids.newId("aud"), actor.id(), "turn.commit", session.id(),
							session.id(), "ok", 0, Map.of("agent", session.agentId(), "turn",
									String.valueOf(session.turnCount()), "role", actor.roleName()),
							this.clock.instant()));
		}
		catch (RuntimeException ex) {
			log.warn("audit of the reply committed to session {} failed", session.id(), ex);
		}
	}

	/**
	 * Closes a session (once: a closed one is returned as is) and audits it.
	 * @return the closed session, or empty when there is none
	 */
	Optional<Session> close(TenantId tenant, String sessionId, Actor actor) {
		Optional<Session> found = this.sessions.find(tenant, sessionId);
		if (found.isEmpty() || found.get().status() == SessionStatus.CLOSED) {
			return found;
		}
		Session s = found.get();
		Instant now = this.clock.instant();
		Session closed = this.sessions.save(new Session(s.tenant(), s.id(), s.agentId(), s.interlocutorId(),
				s.channel(), SessionStatus.CLOSED, s.turnCount(), s.state(), s.version(), s.createdAt(), now));
		try {
			this.audit.append(new AuditRecord(tenant, Ids.newId("aud"), actor.id(), "session.close", sessionId,
					sessionId, "ok", 0, Map.of("agent", s.agentId(), "role", actor.roleName()), now));
		}
		catch (RuntimeException ex) {
			log.warn("audit of the closing of session {} failed", sessionId, ex);
		}
		return Optional.of(closed);
	}

	static List<MatchedRule> matchedRules(TurnState turn) {
		return turn.matched.stream()
			.map((s) -> new MatchedRule(s.item().id(), s.item().name(), Math.round(s.score() * 1000) / 1000.0))
			.toList();
	}

}
