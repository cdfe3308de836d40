package io.ruche.brain.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.ruche.brain.PipelineSettings;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.enforce.Enforcer;
import io.ruche.brain.enforce.Regenerator;
import io.ruche.brain.enforce.Remediation;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.SessionStatus;
import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.SessionStore;
import io.ruche.brain.port.ToolDirectory.ToolRun;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayReport.ReplayedSession;
import io.ruche.brain.replay.ReplayReport.ReplayedTurn;
import io.ruche.brain.replay.ReplayReport.ToolHandling;
import io.ruche.brain.replay.ReplayReport.TurnOutcomeView;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Replays recorded conversations in a sandbox (see docs/configuration.md, Replay): each
 * session from its first turn, once on the live configuration and once on the candidate,
 * in memory. Nothing is written, no model is called and no tool runs: a tool the recorded
 * turn ran is simulated with its recorded status, any other is skipped.
 */
final class SandboxReplay {

	/**
	 * The latest turns reported when a replay names no sessions and the agent has no
	 * golden ones.
	 */
	static final int DEFAULT_LAST_TURNS = 20;

	private final SnapshotCache snapshots;

	private final ConfigurationSource configurations;

	private final SessionStore sessions;

	private final TurnStore turns;

	private final TurnPhases phases;

	private final ReplyGenerator templates;

	private final Enforcer enforcer;

	private final boolean modelConfigured;

	private final Clock clock;

	SandboxReplay(SnapshotCache snapshots, ConfigurationSource configurations, SessionStore sessions, TurnStore turns,
			TurnPhases phases, PipelineSettings settings, Enforcer enforcer, boolean modelConfigured, Clock clock) {
		this.snapshots = snapshots;
		this.configurations = configurations;
		this.sessions = sessions;
		this.turns = turns;
		this.phases = phases;
		this.templates = new ReplyGenerator(turns, TurnMetrics.NOOP, settings);
		this.enforcer = enforcer;
		this.modelConfigured = modelConfigured;
		this.clock = clock;
	}

	private record Recorded(Session session, List<TurnRecord> turns) {
	}

	private record Replayed(TurnOutcomeView view, List<ToolHandling> tools) {
	}

	ReplayReport replay(Agent agent, ReplayRequest request) {
		AgentSnapshot before = this.snapshots.get(agent);
		AgentSnapshot after = SnapshotCache.of(this.configurations.configuration(agent, request.version()));
		List<String> golden = AgentDrafts.goldenSessions(after.agent().settings());
		List<Recorded> recorded;
		Set<String> reported = null;
		if (!request.sessions().isEmpty() || (request.lastTurns() == null && !golden.isEmpty())) {
			List<String> ids = request.sessions().isEmpty() ? golden : request.sessions();
			recorded = ids.stream().limit(ReplayRequest.MAX_SESSIONS).map((id) -> recorded(agent, id)).toList();
		}
		else {
			int wanted = Objects.requireNonNullElse(request.lastTurns(), DEFAULT_LAST_TURNS);
			recorded = latest(agent, wanted);
			reported = latestTurns(recorded, wanted);
		}
		List<ReplayedSession> replayed = new ArrayList<>();
		int count = 0;
		int changed = 0;
		for (Recorded conversation : recorded) {
			List<Replayed> live = run(before, conversation);
			List<Replayed> candidate = run(after, conversation);
			List<ReplayedTurn> turns = new ArrayList<>();
			for (int i = 0; i < conversation.turns().size(); i++) {
				TurnRecord turn = conversation.turns().get(i);
				if (reported != null && !reported.contains(key(conversation.session().id(), turn.turn()))) {
					continue;
				}
				List<String> differences = differences(live.get(i).view(), candidate.get(i).view());
				turns.add(new ReplayedTurn(turn.turn(), turn.message(), live.get(i).view(), candidate.get(i).view(),
						differences, candidate.get(i).tools()));
				count++;
				changed += differences.isEmpty() ? 0 : 1;
			}
			if (!turns.isEmpty()) {
				replayed.add(new ReplayedSession(conversation.session().id(), turns));
			}
		}
		return new ReplayReport(agent.id(), "live", request.version(), replayed, count, changed);
	}

	private Recorded recorded(Agent agent, String sessionId) {
		Session session = this.sessions.find(agent.tenant(), sessionId)
			.filter((s) -> s.agentId().equals(agent.id()))
			.orElseThrow(() -> new UnknownObjectException("session of agent " + agent.name(), sessionId));
		return new Recorded(session, this.turns.turns(agent.tenant(), sessionId));
	}

	// The most recently active sessions, until they hold the turns wanted.
	private List<Recorded> latest(Agent agent, int wanted) {
		List<Recorded> found = new ArrayList<>();
		int held = 0;
		for (Session session : this.sessions
			.list(agent.tenant(), agent.id(), PageRequest.first(ReplayRequest.MAX_SESSIONS))
			.items()) {
			if (held >= wanted) {
				break;
			}
			List<TurnRecord> recorded = this.turns.turns(agent.tenant(), session.id());
			if (!recorded.isEmpty()) {
				found.add(new Recorded(session, recorded));
				held += recorded.size();
			}
		}
		return found;
	}

	private static Set<String> latestTurns(List<Recorded> recorded, int wanted) {
		record Dated(String key, Instant at, int turn) {
		}
		List<Dated> all = new ArrayList<>();
		recorded.forEach(
				(r) -> r.turns().forEach((t) -> all.add(new Dated(key(r.session().id(), t.turn()), t.at(), t.turn()))));
		all.sort(Comparator.comparing(Dated::at).thenComparingInt(Dated::turn).reversed());
		Set<String> keys = new HashSet<>();
		all.stream().limit(wanted).forEach((d) -> keys.add(d.key()));
		return keys;
	}

	private static String key(String sessionId, int turn) {
		return sessionId + "#" + turn;
	}

	// One conversation from its first turn, the session carried in memory from turn to
	// turn; the interlocutor starts with no profile, so that no personal field is read.
	private List<Replayed> run(AgentSnapshot snapshot, Recorded conversation) {
		Session recorded = conversation.session();
		Instant now = this.clock.instant();
		Session session = new Session(recorded.tenant(), recorded.id(), recorded.agentId(), recorded.interlocutorId(),
				recorded.channel(), SessionStatus.ACTIVE, 0, Session.SessionState.EMPTY, 0, recorded.createdAt(), now);
		Interlocutor person = new Interlocutor(recorded.tenant(), recorded.interlocutorId(), Map.of(), Set.of(), now);
		List<Replayed> replayed = new ArrayList<>();
		for (TurnRecord record : conversation.turns()) {
			// No model: the turn neither extracts, filters nor writes with one.
			TurnState turn = new TurnState(snapshot, Actor.SYSTEM, session, session.turnCount() == 0, person, false,
					record.message(), null, Burst.alone(Accumulation.Mode.QUEUE), "replay", null);
			replayed.add(turn(turn, record));
			session = TurnPersistence.advanced(turn, now, UnaryOperator.identity());
		}
		return replayed;
	}

	private Replayed turn(TurnState turn, TurnRecord record) {
		PhaseRecorder recorder = new PhaseRecorder(TurnMetrics.NOOP, null, TurnPhase.CONVERSE);
		this.phases.understand(turn, recorder, false);
		List<ToolHandling> tools = simulateTools(turn, record);
		String mode;
		String reply = null;
		String checked = record.response();
		List<String> violations = List.of();
		boolean guidance = TurnReplays.GUIDANCE_MODE.equals(record.mode()) || "client".equals(record.mode());
		boolean modelWrites = !guidance && ReplyGenerator.exclusiveRule(turn.matched) == null
				&& (this.modelConfigured || "llm".equals(record.mode()) || "sampling".equals(record.mode()));
		if (guidance) {
			mode = TurnReplays.GUIDANCE_MODE;
		}
		else if (modelWrites) {
			mode = "llm";
		}
		else if (this.templates.generate(turn, null, new HashMap<>()) instanceof ReplyGenerator.Draft.Made made) {
			EnforcementResult enforced = this.enforcer.enforce(made.text(), input(turn), constraints(turn),
					Regenerator.NONE,
					new Remediation(0, turn.snapshot.agent().settings().fallbackText(), turn.templateValues()));
			mode = enforced.usedFallback() ? "fallback" : made.mode().wireName();
			reply = enforced.response();
			checked = made.text();
			violations = expressions(enforced.violations());
		}
		else {
			mode = "none";
			checked = null;
		}
		if (reply == null && checked != null) {
			violations = expressions(this.enforcer.check(checked, input(turn), constraints(turn)));
		}
		Scenario scenario = turn.activeScenario();
		return new Replayed(new TurnOutcomeView(turn.matchedRules().stream().map((rule) -> rule.name()).toList(),
				(scenario != null) ? scenario.name() : null, turn.stepId(), mode, reply, violations), tools);
	}

	// Tools never run in a replay: the recorded status stands in for a tool the recorded
	// turn ran; any other is skipped. Either way its output is unknown.
	private static List<ToolHandling> simulateTools(TurnState turn, TurnRecord record) {
		List<ToolHandling> handled = new ArrayList<>();
		for (String tool : TurnTools.named(turn)) {
			String status = record.toolCalls()
				.stream()
				.filter((call) -> call.tool().equals(tool))
				.map(TurnRecord.ToolCallSummary::status)
				.findFirst()
				.orElse(null);
			String seen = (status != null) ? status : "skipped";
			turn.toolRuns.add(new ToolRun(tool, seen, Map.of()));
			handled.add(new ToolHandling(tool, (status != null) ? "simulated" : "skipped", seen));
		}
		return handled;
	}

	private static List<Constraint> constraints(TurnState turn) {
		return ApplicableConstraints.of(turn.snapshot.plainRules(), turn.scenarioId(), turn.stepId());
	}

	private static ExpressionInput input(TurnState turn) {
		return new ExpressionInput(turn.message, null, turn.variables, turn.interlocutor.fields());
	}

	private static List<String> expressions(List<Violation> violations) {
		return violations.stream().map(Violation::expression).toList();
	}

	private static List<String> differences(TurnOutcomeView before, TurnOutcomeView after) {
		List<String> changed = new ArrayList<>();
		compare(changed, "rules", before.rules(), after.rules());
		compare(changed, "scenario", before.scenario(), after.scenario());
		compare(changed, "step", before.step(), after.step());
		compare(changed, "mode", before.mode(), after.mode());
		compare(changed, "reply", before.reply(), after.reply());
		compare(changed, "violations", before.violations(), after.violations());
		return changed;
	}

	private static void compare(List<String> changed, String part, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(part);
		}
	}

}
