package io.ruche.brain.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.ruche.brain.Answered;
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
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.enforce.ApplicableConstraints;
import io.ruche.brain.enforce.Constraint;
import io.ruche.brain.enforce.ConstraintJudge;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.enforce.Enforcer;
import io.ruche.brain.enforce.Remediation;
import io.ruche.brain.expression.ExpressionInput;
import io.ruche.brain.expression.Expressions;
import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.Session;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.brain.port.ConfigurationSource;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.TurnMetrics;
import io.ruche.brain.port.TurnStore;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Ids;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.port.StoreTransactions;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline described on {@link TurnPipeline}.
 */
public final class DefaultTurnPipeline implements TurnPipeline {

	private final PipelineSettings settings;

	private final SessionLocks locks;

	private final TurnMetrics metrics;

	private final TurnStore turns;

	private final SnapshotCache snapshots;

	private final TurnOpener opener;

	private final TurnPhases phases;

	private final TurnTools tools;

	private final ReplyGenerator generator;

	private final Enforcer enforcer;

	private final TurnPersistence persistence;

	private final GuidanceBuilder guidance;

	private final StoreTransactions transactions;

	private final TurnReplays replays;

	private final Bursts bursts;

	private final TurnBudgets budgets;

	private final @Nullable LanguageModel languageModel;

	private final Expressions expressions;

	private final ConfigurationSource configurations;

	private final SandboxReplay sandbox;

	private DefaultTurnPipeline(PipelineSettings settings, BrainPorts ports, Expressions expressions) {
		this.settings = settings;
		this.locks = ports.locks();
		this.metrics = ports.metrics();
		this.turns = ports.turns();
		this.snapshots = new SnapshotCache(ports.rules(), ports.scenarios());
		this.opener = new TurnOpener(ports.agents(), ports.sessions(), ports.interlocutors(), ports.clock(),
				ports.keyring());
		this.phases = new TurnPhases(ports.embeddings(), ports.metrics(), expressions);
		this.tools = new TurnTools(ports.tools(), ports.turns());
		this.generator = new ReplyGenerator(ports.turns(), ports.metrics(), settings);
		this.languageModel = ports.languageModel();
		this.expressions = expressions;
		this.enforcer = Enforcer.create(expressions, (settings.judge() && this.languageModel != null)
				? measured(ConstraintJudge.of(this.languageModel), ports.metrics()) : null);
		this.persistence = new TurnPersistence(ports.sessions(), ports.interlocutors(), ports.turns(), ports.audit(),
				ports.clock(), ports.keyring());
		this.transactions = ports.transactions();
		this.guidance = new GuidanceBuilder(this.enforcer);
		this.replays = new TurnReplays(ports.turns());
		this.bursts = new Bursts(this, ports.turns(), this.opener, this.replays, this.snapshots, ports.clock(),
				settings.turnWait());
		this.budgets = new TurnBudgets(ports.budgets(), ports.metrics(), ports.clock());
		this.configurations = ports.configurations();
		this.sandbox = new SandboxReplay(this.snapshots, this.configurations, ports.sessions(), ports.turns(),
				this.phases, settings, Enforcer.create(expressions, null), this.languageModel != null, ports.clock());
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
		return switch (this.opener.agent(request.tenant(), request.agent(), request.session())) {
			case TurnOpener.AgentLookup.Missing missing -> missing.failure().outcome();
			case TurnOpener.AgentLookup.Found found -> {
				Agent agent = found.agent();
				Accumulation accumulation = Accumulation.from(agent.settings().extra());
				String sessionRef = request.session();
				if (sessionRef == null || accumulation.mode() == Accumulation.Mode.QUEUE) {
					// A message waits for the turns ahead of it on the session's lock,
					// and
					// gets a turn of its own.
					String sessionId = (sessionRef != null) ? sessionRef : Ids.newId("ses");
					yield locked(request.tenant(), sessionId,
							() -> converseLocked(request, agent, sessionId, accumulation.mode()));
				}
				yield this.bursts.converse(request, agent, sessionRef, accumulation);
			}
		};
	}

	@Override
	public TurnOutcome<GuidanceResult> guidance(GuidanceRequest request) {
		return open(request.tenant(), request.agent(), request.session(),
				(agent, sessionId) -> () -> guidanceLocked(request, agent, sessionId));
	}

	@Override
	public TurnOutcome<EnforceResult> enforce(EnforceRequest request) {
		return switch (this.opener.agent(request.tenant(), request.agent(), request.session())) {
			case TurnOpener.AgentLookup.Missing missing -> missing.failure().outcome();
			case TurnOpener.AgentLookup.Found found -> enforceFor(request, found.agent());
		};
	}

	@Override
	public ReplayReport replay(ReplayRequest request) {
		if (this.opener.agent(request.tenant(), request.agent(), null) instanceof TurnOpener.AgentLookup.Found found) {
			return this.sandbox.replay(found.agent(), request);
		}
		throw new UnknownObjectException("agent", request.agent());
	}

	@Override
	public TurnOutcome<Session> close(TenantId tenant, Actor actor, String sessionId) {
		return locked(tenant, sessionId,
				() -> this.persistence.close(tenant, sessionId, actor)
					.<TurnOutcome<Session>>map(TurnOutcome.Completed::new)
					.orElseGet(() -> new TurnOutcome.UnknownSession<>(sessionId)));
	}

	private TurnOutcome<EnforceResult> enforceFor(EnforceRequest request, Agent agent) {
		String sessionId = request.session();
		if (sessionId == null) {
			return this.guidance.enforceWithoutSession(this.snapshots.get(agent), request.draft());
		}
		return locked(request.tenant(), sessionId,
				() -> switch (this.opener.session(agent, sessionId, sessionId, null, null)) {
					case TurnOpener.SessionLookup.Missing missing -> missing.failure().outcome();
					case TurnOpener.SessionLookup.Found found -> enforceInSession(request, agent, found.session());
				});
	}

	private TurnOutcome<EnforceResult> enforceInSession(EnforceRequest request, Agent agent, Session session) {
		var interlocutor = this.opener.interlocutor(session).interlocutor();
		TurnOutcome<EnforceResult> outcome = this.guidance.enforceInSession(this.snapshots.get(agent), session,
				interlocutor, this.turns, request);
		if (outcome instanceof TurnOutcome.Completed<EnforceResult> done && done.result().committed()) {
			this.persistence.recordCommit(session, request.actor());
		}
		return outcome;
	}

	private interface LockedWork<T> {

		Supplier<TurnOutcome<T>> in(Agent agent, String sessionId);

	}

	private <T> TurnOutcome<T> open(TenantId tenant, @Nullable String agentRef, @Nullable String sessionRef,
			LockedWork<T> work) {
		return switch (this.opener.agent(tenant, agentRef, sessionRef)) {
			case TurnOpener.AgentLookup.Missing missing -> missing.failure().outcome();
			case TurnOpener.AgentLookup.Found found -> {
				String sessionId = (sessionRef != null) ? sessionRef : Ids.newId("ses");
				yield locked(tenant, sessionId, work.in(found.agent(), sessionId));
			}
		};
	}

	private <T> TurnOutcome<T> locked(TenantId tenant, String sessionId, Supplier<TurnOutcome<T>> work) {
		return locked(tenant, sessionId, this.settings.turnWait(), null, work);
	}

	/**
	 * Runs work under the session's lock, waiting at most {@code wait} for the turns
	 * ahead.
	 * @param <T> the result type
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param wait how long to wait for the lock
	 * @param keptId the id of the caller's message when it is kept for the next turn
	 * @param work what runs under the lock
	 * @return what the work returned, or {@link TurnOutcome.WaitExceeded}
	 */
	<T> TurnOutcome<T> locked(TenantId tenant, String sessionId, Duration wait, @Nullable String keptId,
			Supplier<TurnOutcome<T>> work) {
		try {
			return this.locks.withLock(tenant, sessionId, wait, work);
		}
		catch (SessionBusyException ex) {
			return new TurnOutcome.WaitExceeded<>(sessionId, this.settings.turnWait(), keptId);
		}
	}

	/** What a turn starts from: its state, or why it cannot run. */
	private sealed interface Start {

		record Ready(TurnState turn) implements Start {
		}

		record Refused(TurnOpener.Failure failure) implements Start {
		}

	}

	private Start begin(AgentSnapshot snapshot, Actor actor, @Nullable String sessionRef, String sessionId,
			@Nullable String interlocutorRef, @Nullable String channel, String message, @Nullable String messageId,
			@Nullable String version, Burst burst, PhaseRecorder phases) {
		Agent agent = snapshot.agent();
		return phases.compute(TurnPhase.CONTEXT, (decisions) -> {
			TurnOpener.SessionLookup lookup = this.opener.session(agent, sessionRef, sessionId, interlocutorRef,
					channel);
			if (!(lookup instanceof TurnOpener.SessionLookup.Found session)) {
				return new Start.Refused(((TurnOpener.SessionLookup.Missing) lookup).failure());
			}
			TurnOpener.InterlocutorLookup interlocutor = this.opener.interlocutor(session.session());
			decisions.put("agent_version", agent.version());
			decisions.put("configuration", (version != null) ? version : "live");
			decisions.put("rules", snapshot.rules().size());
			decisions.put("scenarios", snapshot.scenarios().size());
			decisions.put("session_created", session.created());
			decisions.put(TurnReplays.ACCUMULATION, burst.mode().wireName());
			if (!burst.messages().isEmpty()) {
				decisions.put(TurnReplays.MESSAGES, burst.ids());
			}
			if (!burst.superseded().isEmpty()) {
				decisions.put(TurnReplays.SUPERSEDED, burst.superseded());
			}
			return new Start.Ready(
					new TurnState(snapshot, actor, session.session(), session.created(), interlocutor.interlocutor(),
							interlocutor.created(), message, messageId, burst, Ids.newId("trc"), this.languageModel));
		});
	}

	private TurnOutcome<ConverseResult> converseLocked(ConverseRequest request, Agent agent, String sessionId,
			Accumulation.Mode mode) {
		AgentSnapshot snapshot = snapshot(agent, request.version());
		if (this.replays.converse(request.tenant(), request.session(), request.messageId(), request.message(),
				snapshot) instanceof TurnReplays.Lookup.Answered<ConverseResult> answered) {
			return answered.outcome();
		}
		return ((Attempt.Done) converseTurn(request, agent, sessionId, Burst.alone(mode), request.messageId(),
				() -> false))
			.outcome();
	}

	/** What a run of a converse turn came to. */
	sealed interface Attempt {

		/** The turn is over: recorded, or refused. */
		record Done(TurnOutcome<ConverseResult> outcome) implements Attempt {
		}

		/**
		 * Newer messages arrived before the turn committed: nothing was recorded.
		 *
		 * @param run what the run answered and which tools it ran, for the trace of the
		 * turn that supersedes it
		 */
		record Superseded(Map<String, Object> run) implements Attempt {
		}

	}

	/**
	 * Runs a converse turn over a burst's messages, or the caller's alone.
	 * @param own the caller's message id, given back in the result
	 * @param newer whether newer messages arrived since the burst was read: checked
	 * before the tools and before the commit, where it cancels this run
	 */
	Attempt converseTurn(ConverseRequest request, Agent agent, String sessionId, Burst burst, @Nullable String own,
			BooleanSupplier newer) {
		PhaseRecorder phases = recorder(request.progress(), TurnPhase.CONVERSE);
		Start start = begin(snapshot(agent, request.version()), request.actor(), request.session(), sessionId,
				request.interlocutor(), request.channel(), burst.text(request.message()),
				burst.messageId(request.messageId()), request.version(), burst, phases);
		if (!(start instanceof Start.Ready ready)) {
			return new Attempt.Done(((Start.Refused) start).failure().outcome());
		}
		TurnState turn = ready.turn();
		TurnBudgets.Admission admission = this.budgets.admit(agent, this.languageModel != null);
		if (!(admission instanceof TurnBudgets.Admission.Admitted admitted)) {
			return new Attempt.Done(((TurnBudgets.Admission.Refused) admission).<ConverseResult>outcome());
		}
		this.phases.understand(turn, phases, true);
		if (newer.getAsBoolean()) {
			return superseded(turn);
		}
		this.tools.run(turn, phases, request.confirmation());
		ReplyGenerator.Draft draft = phases.compute(TurnPhase.GENERATION,
				(decisions) -> this.generator.generate(turn, request.sampler(), decisions));
		if (!(draft instanceof ReplyGenerator.Draft.Made made)) {
			// The turn ran: its fields, moves and trace are kept even though nothing
			// could answer.
			phases.skip(TurnPhase.ENFORCEMENT, "no reply to check");
			persist(turn, phases, admitted, "converse", TurnTools.ERROR_MODE, Map.of());
			return new Attempt.Done(
					new TurnOutcome.NoModelAvailable<>(ReplyGenerator.NO_MODEL, turn.session.id(), turn.traceId));
		}
		phases.compute(TurnPhase.ENFORCEMENT, (decisions) -> enforce(turn, made, decisions));
		if (newer.getAsBoolean()) {
			return superseded(turn);
		}
		persist(turn, phases, admitted, "converse", sentMode(turn).wireName(), Map.of());
		return new Attempt.Done(new TurnOutcome.Completed<>(converseResult(turn, own)));
	}

	// The tools a cancelled run already ran stay recorded in the trace of the turn that
	// supersedes it; that turn keys its tools by the same message id and number, so an
	// irreversible tool replays its outcome instead of acting again.
	private static Attempt superseded(TurnState turn) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put(TurnReplays.MESSAGES, turn.burst.ids());
		run.put("tool_calls",
				turn.toolRuns.stream()
					.map((r) -> Map.<String, Object>of("tool", r.tool(), "status", r.status()))
					.toList());
		return new Attempt.Superseded(run);
	}

	private EnforcementResult enforce(TurnState turn, ReplyGenerator.Draft.Made made, Map<String, Object> decisions) {
		List<Constraint> constraints = new ArrayList<>(
				ApplicableConstraints.of(turn.snapshot.plainRules(), turn.scenarioId(), turn.stepId()));
		// Lane 2 judges what a model wrote: an exclusive or fallback template is a fixed
		// text sent as is, with no model call (like the fallbacks, only lane 1 checks
		// it).
		boolean modelDraft = made.mode() == ReplyMode.LLM || made.mode() == ReplyMode.SAMPLING;
		if (this.settings.judge() && modelDraft) {
			constraints.addAll(ApplicableConstraints.judged(turn.matchedRules()));
		}
		Map<String, String> values = turn.templateValues();
		EnforcementResult result = enforcerFor(turn).enforce(made.text(),
				new ExpressionInput(turn.message, null, turn.variables, turn.interlocutor.fields()), constraints,
				made.regenerator(), new Remediation(turn.snapshot.agent().settings().maxRegenerations(),
						turn.snapshot.agent().settings().fallbackText(), values));
		// Regenerations were counted by the generator as they were made; the judge's
		// calls are counted here.
		turn.modelCalls += result.judgeCalls();
		turn.enforcement = result;
		turn.response = result.response();
		turn.mode = result.usedFallback() ? ReplyMode.FALLBACK : made.mode();
		decisions.put("constraints", constraints.size());
		decisions.put("passed", result.passed());
		decisions.put("violations", TurnReplays.traced(result));
		decisions.put("regenerations", result.regenerations());
		decisions.put("source", result.source().name().toLowerCase(Locale.ROOT));
		return result;
	}

	// The judge calls the model as the turn does, so that its tokens are the turn's.
	private Enforcer enforcerFor(TurnState turn) {
		LanguageModel model = turn.model;
		return (this.settings.judge() && model != null)
				? Enforcer.create(this.expressions, measured(ConstraintJudge.of(model), this.metrics)) : this.enforcer;
	}

	// The live configuration comes from the cache; a draft or an earlier version from its
	// source, never from the live rules and scenarios.
	private AgentSnapshot snapshot(Agent agent, @Nullable String version) {
		return (version == null) ? this.snapshots.get(agent)
				: SnapshotCache.of(this.configurations.configuration(agent, version));
	}

	private static ReplyMode sentMode(TurnState turn) {
		return (turn.mode != null) ? turn.mode : ReplyMode.FALLBACK;
	}

	private ConverseResult converseResult(TurnState turn, @Nullable String own) {
		EnforcementResult enforced = turn.enforcement;
		EnforcementSummary summary = (enforced != null)
				? new EnforcementSummary(enforced.passed(), enforced.violations(), enforced.regenerations())
				: new EnforcementSummary(true, List.of(), 0);
		return new ConverseResult(turn.session.id(), turn.turn, String.valueOf(turn.response), sentMode(turn),
				TurnPersistence.matchedRules(turn), position(turn),
				turn.toolRuns.stream().map((run) -> new ToolCallSummary(run.tool(), run.status())).toList(), summary,
				turn.traceId, answered(turn.burst, own));
	}

	private static Answered answered(Burst burst, @Nullable String own) {
		if (burst.messages().isEmpty()) {
			return Answered.alone(own, burst.mode());
		}
		return new Answered(own, burst.mode(), burst.ids(), burst.messages().size() > 1, burst.superseded().size());
	}

	private TurnOutcome<GuidanceResult> guidanceLocked(GuidanceRequest request, Agent agent, String sessionId) {
		AgentSnapshot snapshot = snapshot(agent, request.version());
		if (this.replays.guidance(request.tenant(), request.session(), request.messageId(), request.message(),
				snapshot) instanceof TurnReplays.Lookup.Answered<GuidanceResult> answered) {
			return answered.outcome();
		}
		PhaseRecorder phases = recorder(request.progress(), TurnPhase.GUIDANCE);
		Start start = begin(snapshot, request.actor(), request.session(), sessionId, request.interlocutor(), null,
				request.message(), request.messageId(), request.version(), Burst.alone(Accumulation.Mode.QUEUE),
				phases);
		if (!(start instanceof Start.Ready ready)) {
			return ((Start.Refused) start).failure().outcome();
		}
		TurnState turn = ready.turn();
		TurnBudgets.Admission admission = this.budgets.admit(agent, false);
		if (!(admission instanceof TurnBudgets.Admission.Admitted admitted)) {
			return ((TurnBudgets.Admission.Refused) admission).outcome();
		}
		this.phases.understand(turn, phases, false);
		phases.skip(TurnPhase.TOOLS, "guidance suggests tools to the client instead of running them");
		GuidanceResult result = this.guidance.result(turn, position(turn));
		persist(turn, phases, admitted, "guidance", TurnReplays.GUIDANCE_MODE,
				Map.of(TurnReplays.GUIDANCE_MODE, TurnReplays.traced(result)));
		return new TurnOutcome.Completed<>(result);
	}

	private void persist(TurnState turn, PhaseRecorder phases, TurnBudgets.Admission.Admitted admitted, String kind,
			String mode, Map<String, Object> returned) {
		// The session's new state and the turn with its trace are one write: a process
		// killed or a database lost in between would leave the session a turn ahead of
		// its history, and a retried turn under a new number (its tools run again).
		this.transactions.atomically(turn.session.tenant(), () -> {
			phases.compute(TurnPhase.PERSISTENCE, (decisions) -> {
				this.persistence.saveSession(turn, decisions);
				decisions.put("model_calls", turn.modelCalls);
				decisions.put("model_tokens", Map.of("input", turn.modelInputTokens, "output", turn.modelOutputTokens));
				if (turn.samplingInputTokens + turn.samplingOutputTokens > 0) {
					decisions.put("sampling_tokens",
							Map.of("input", turn.samplingInputTokens, "output", turn.samplingOutputTokens));
				}
				decisions.putAll(returned);
				return turn;
			});
			this.persistence.recordTurn(turn, mode, phases.phases());
			if (!turn.burst.messages().isEmpty() && !TurnTools.ERROR_MODE.equals(mode)) {
				// A turn that gave no reply leaves its messages waiting for the next one.
				this.turns.answer(turn.session.tenant(), turn.session.id(), turn.burst.ids(), turn.turn);
			}
			return turn;
		});
		this.persistence.auditTurn(turn, kind, mode, phases.elapsedMs());
		meterTokens(turn, admitted);
	}

	// After the commit: a turn whose writes failed used its tokens all the same, but a
	// retry of it is a new turn that counts its own.
	private void meterTokens(TurnState turn, TurnBudgets.Admission.Admitted admitted) {
		String tenant = turn.session.tenant().value();
		String agent = turn.snapshot.agent().name();
		long modelTokens = turn.modelInputTokens + turn.modelOutputTokens;
		if (modelTokens > 0) {
			this.metrics.tokens(tenant, agent, "model", turn.modelInputTokens, turn.modelOutputTokens);
			this.budgets.charge(admitted, modelTokens);
		}
		if (turn.samplingInputTokens + turn.samplingOutputTokens > 0) {
			this.metrics.tokens(tenant, agent, "sampling", turn.samplingInputTokens, turn.samplingOutputTokens);
		}
	}

	private static @Nullable ScenarioPosition position(TurnState turn) {
		Scenario scenario = turn.activeScenario();
		String step = turn.stepId();
		return (scenario != null && step != null) ? new ScenarioPosition(scenario.id(), scenario.name(), step) : null;
	}

	private PhaseRecorder recorder(@Nullable ProgressListener progress, List<TurnPhase> plan) {
		return new PhaseRecorder(this.metrics, progress, plan);
	}

}
