package io.ruche.brain.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.ruche.brain.BrainPorts;
import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.EnforceRequest;
import io.ruche.brain.EnforceResult;
import io.ruche.brain.EnforcementSummary;
import io.ruche.brain.GuidanceRequest;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.PipelineSettings;
import io.ruche.brain.ProgressListener;
import io.ruche.brain.ReplyMode;
import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.ConstraintJudge;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.enforce.Enforcer;
import io.ruche.brain.enforce.Remediation;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.template.Templates;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionBusyException;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline described on {@link TurnPipeline}.
 */
public final class DefaultTurnPipeline implements TurnPipeline {

	private static final int CONVERSE_PHASES = 11;

	private static final int GUIDANCE_PHASES = 9;

	private final PipelineSettings settings;

	private final BrainPorts ports;

	private final SnapshotCache snapshots;

	private final TurnOpener opener;

	private final TurnPhases phases;

	private final TurnTools tools;

	private final ReplyGenerator generator;

	private final Enforcer enforcer;

	private final TurnPersistence persistence;

	private final GuidanceBuilder guidance;

	private DefaultTurnPipeline(PipelineSettings settings, BrainPorts ports, Expressions expressions) {
		this.settings = settings;
		this.ports = ports;
		this.snapshots = new SnapshotCache(ports.rules(), ports.scenarios());
		this.opener = new TurnOpener(ports);
		this.phases = new TurnPhases(ports, expressions);
		this.tools = new TurnTools(ports.tools(), ports.turns());
		this.generator = new ReplyGenerator(ports.languageModel(), ports.turns(), ports.metrics(), settings);
		var model = ports.languageModel();
		this.enforcer = Enforcer.create(expressions,
				(settings.judge() && model != null) ? measured(ConstraintJudge.of(model), ports.metrics()) : null);
		this.persistence = new TurnPersistence(ports);
		this.guidance = new GuidanceBuilder(this.enforcer);
	}

	// The judge's calls reach the metrics like every other model call (purpose judge).
	private static ConstraintJudge measured(ConstraintJudge judge, TurnMetrics metrics) {
		return (response, constraints) -> {
			long start = System.nanoTime();
			try {
				return judge.violations(response, constraints);
			}
			finally {
				metrics.modelCall("judge", System.nanoTime() - start, 0, 0);
			}
		};
	}

	public static TurnPipeline create(PipelineSettings settings, BrainPorts ports, Expressions expressions) {
		DefaultTurnPipeline pipeline = new DefaultTurnPipeline(settings, ports, expressions);
		if (ports.changes() != null) {
			ports.changes().subscribe((change) -> pipeline.snapshots.invalidate(change.tenant(), change.agentId()));
		}
		return pipeline;
	}

	@Override
	public TurnOutcome<ConverseResult> converse(ConverseRequest request) {
		return open(request.tenant(), request.agent(), request.session(),
				(agent, sessionId) -> () -> converseLocked(request, agent, sessionId));
	}

	@Override
	public TurnOutcome<GuidanceResult> guidance(GuidanceRequest request) {
		return open(request.tenant(), request.agent(), request.session(),
				(agent, sessionId) -> () -> guidanceLocked(request, agent, sessionId));
	}

	@Override
	public TurnOutcome<EnforceResult> enforce(EnforceRequest request) {
		TurnOpener.AgentLookup lookup = this.opener.agent(request.tenant(), request.agent(), request.session());
		if (lookup.failure() != null || lookup.agent() == null) {
			return failure(lookup.failure());
		}
		Agent agent = lookup.agent();
		String sessionId = request.session();
		if (sessionId == null) {
			return this.guidance.enforceWithoutSession(this.snapshots.get(agent), request.draft());
		}
		return locked(request.tenant(), sessionId, () -> {
			TurnOpener.SessionLookup session = this.opener.session(agent, sessionId, sessionId, null, null);
			if (session.session() == null) {
				return failure(session.failure());
			}
			var interlocutor = this.opener.interlocutor(session.session()).interlocutor();
			TurnOutcome<EnforceResult> outcome = this.guidance.enforceInSession(this.snapshots.get(agent),
					session.session(), interlocutor, this.ports.turns(), request);
			if (outcome instanceof TurnOutcome.Completed<EnforceResult> done && done.result().committed()) {
				this.persistence.recordCommit(session.session(), request.actor());
			}
			return outcome;
		});
	}

	private interface LockedWork<T> {

		Supplier<TurnOutcome<T>> in(Agent agent, String sessionId);

	}

	private <T> TurnOutcome<T> open(TenantId tenant, @Nullable String agentRef, @Nullable String sessionRef,
			LockedWork<T> work) {
		TurnOpener.AgentLookup lookup = this.opener.agent(tenant, agentRef, sessionRef);
		if (lookup.failure() != null || lookup.agent() == null) {
			return failure(lookup.failure());
		}
		String sessionId = (sessionRef != null) ? sessionRef : Ids.newId("ses");
		return locked(tenant, sessionId, work.in(lookup.agent(), sessionId));
	}

	private <T> TurnOutcome<T> locked(TenantId tenant, String sessionId, Supplier<TurnOutcome<T>> work) {
		try {
			return this.ports.locks().withLock(tenant, sessionId, this.settings.lockWait(), work);
		}
		catch (SessionBusyException ex) {
			return new TurnOutcome.SessionBusy<>(sessionId);
		}
	}

	private static <T> TurnOutcome<T> failure(TurnOpener.@Nullable Failure failure) {
		return (failure != null) ? failure.outcome() : new TurnOutcome.UnknownAgent<>("");
	}

	private @Nullable TurnState begin(Agent agent, Actor actor, @Nullable String sessionRef, String sessionId,
			@Nullable String interlocutorRef, @Nullable String channel, String message, PhaseRecorder phases,
			TurnOpener.@Nullable Failure[] failed) {
		TurnState[] state = new TurnState[1];
		phases.run("context", false, (d) -> {
			TurnOpener.SessionLookup session = this.opener.session(agent, sessionRef, sessionId, interlocutorRef,
					channel);
			if (session.session() == null) {
				failed[0] = session.failure();
				return;
			}
			AgentSnapshot snapshot = this.snapshots.get(agent);
			TurnOpener.Found interlocutor = this.opener.interlocutor(session.session());
			state[0] = new TurnState(snapshot, actor, session.session(), session.created(), interlocutor.interlocutor(),
					interlocutor.created(), message, Ids.newId("trc"));
			d.put("agent_version", agent.version());
			d.put("rules", snapshot.rules().size());
			d.put("scenarios", snapshot.scenarios().size());
			d.put("session_created", session.created());
		});
		return state[0];
	}

	private TurnOutcome<ConverseResult> converseLocked(ConverseRequest request, Agent agent, String sessionId) {
		PhaseRecorder phases = recorder(request.progress(), CONVERSE_PHASES);
		TurnOpener.@Nullable Failure[] failed = new TurnOpener.Failure[1];
		TurnState t = begin(agent, request.actor(), request.session(), sessionId, request.interlocutor(),
				request.channel(), request.message(), phases, failed);
		if (t == null) {
			return failure(failed[0]);
		}
		this.phases.understand(t, phases, true);
		this.tools.run(t, phases, request.confirmation());
		ReplyGenerator.Draft[] draft = new ReplyGenerator.Draft[1];
		phases.run("generation", false, (d) -> draft[0] = this.generator.generate(t, request.sampler(), d));
		if (!(draft[0] instanceof ReplyGenerator.Draft.Made made)) {
			// The turn ran: its fields, moves and trace are kept even though nothing
			// could answer.
			phases.skip("enforcement", "no reply to check");
			persist(t, phases, "converse", TurnTools.ERROR_MODE);
			return new TurnOutcome.NoModelAvailable<>(ReplyGenerator.NO_MODEL, t.session.id(), t.traceId);
		}
		phases.run("enforcement", false, (d) -> enforce(t, made, d));
		persist(t, phases, "converse", sentMode(t).wireName());
		return new TurnOutcome.Completed<>(converseResult(t));
	}

	private void enforce(TurnState t, ReplyGenerator.Draft.Made made, Map<String, Object> d) {
		List<Constraint> constraints = new java.util.ArrayList<>(
				ApplicableConstraints.of(t.snapshot.plainRules(), t.scenarioId(), t.stepId()));
		// Lane 2 judges what a model wrote: an exclusive or fallback template is a fixed
		// text sent as is, with no model call (like the fallbacks, only lane 1 checks
		// it).
		boolean modelDraft = made.mode() == ReplyMode.LLM || made.mode() == ReplyMode.SAMPLING;
		if (this.settings.judge() && modelDraft) {
			constraints.addAll(ApplicableConstraints.judged(t.matchedRules()));
		}
		Map<String, String> values = t.templateValues();
		EnforcementResult result = this.enforcer.enforce(made.text(),
				new ExpressionInput(t.message, null, t.variables, t.interlocutor.fields()), constraints,
				made.regenerator(), new Remediation(t.snapshot.agent().settings().maxRegenerations(),
						t.snapshot.agent().settings().fallbackText(), values));
		// Regenerations were counted by the generator as they were made; the judge's
		// calls
		// are counted here.
		t.modelCalls += result.judgeCalls();
		t.enforcement = result;
		t.response = result.response();
		t.mode = result.usedFallback() ? ReplyMode.FALLBACK : made.mode();
		d.put("constraints", constraints.size());
		d.put("passed", result.passed());
		d.put("violations", result.violations().stream().map((v) -> v.rule() + ": " + v.expression()).toList());
		d.put("regenerations", result.regenerations());
		d.put("source", result.source().name().toLowerCase(java.util.Locale.ROOT));
	}

	private static ReplyMode sentMode(TurnState t) {
		return (t.mode != null) ? t.mode : ReplyMode.FALLBACK;
	}

	private ConverseResult converseResult(TurnState t) {
		EnforcementResult e = t.enforcement;
		EnforcementSummary summary = (e != null) ? new EnforcementSummary(e.passed(), e.violations(), e.regenerations())
				: new EnforcementSummary(true, List.of(), 0);
		return new ConverseResult(t.session.id(), t.turn, String.valueOf(t.response), sentMode(t),
				TurnPersistence.matchedRules(t), position(t),
				t.toolRuns.stream().map((r) -> new ToolCallSummary(r.tool(), r.status())).toList(), summary, t.traceId);
	}

	private TurnOutcome<GuidanceResult> guidanceLocked(GuidanceRequest request, Agent agent, String sessionId) {
		PhaseRecorder phases = recorder(request.progress(), GUIDANCE_PHASES);
		TurnOpener.@Nullable Failure[] failed = new TurnOpener.Failure[1];
		TurnState t = begin(agent, request.actor(), request.session(), sessionId, request.interlocutor(), null,
				request.message(), phases, failed);
		if (t == null) {
			return failure(failed[0]);
		}
		this.phases.understand(t, phases, false);
		phases.skip("tools", "guidance suggests tools to the client instead of running them");
		persist(t, phases, "guidance", "guidance");
		return new TurnOutcome.Completed<>(this.guidance.result(t, position(t)));
	}

	private void persist(TurnState t, PhaseRecorder phases, String kind, String mode) {
		phases.run("persistence", false, (d) -> {
			this.persistence.saveSession(t, d);
			d.put("model_calls", t.modelCalls);
		});
		this.persistence.recordTurn(t, kind, mode, phases.phases(), phases.elapsedMs());
	}

	private static @Nullable ScenarioPosition position(TurnState t) {
		Scenario scenario = t.activeScenario();
		String step = t.stepId();
		return (scenario != null && step != null) ? new ScenarioPosition(scenario.id(), scenario.name(), step) : null;
	}

	private PhaseRecorder recorder(@Nullable ProgressListener progress, int total) {
		return new PhaseRecorder(this.ports.metrics(), progress, total);
	}

}
