package io.ruche.brain.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ruche.brain.ReplyMode;
import io.ruche.brain.enforce.EnforcementResult;
import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Session;
import io.ruche.brain.port.LanguageModel;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelRequest;
import io.ruche.brain.port.ToolDirectory.ToolRun;
import io.ruche.brain.scenario.ScenarioState;
import io.ruche.brain.scenario.ScenarioTransitioned;
import io.ruche.brain.template.Templates;
import io.ruche.kernel.embedding.Embedding;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Scored;
import org.jspecify.annotations.Nullable;

/**
 * Everything one turn reads and decides, filled phase by phase.
 */
final class TurnState {

	final AgentSnapshot snapshot;

	final Actor actor;

	final Session session;

	final boolean newSession;

	final Interlocutor interlocutor;

	final boolean newInterlocutor;

	final String message;

	final int turn;

	final String traceId;

	final @Nullable String messageId;

	final Burst burst;

	final Map<String, String> variables;

	@Nullable Embedding embedding;

	ScenarioState scenario;

	Session.ScenarioMemory scenarioMemory;

	List<ScenarioTransitioned> events = List.of();

	List<Scored<Rule>> matched = List.of();

	final List<ToolRun> toolRuns = new ArrayList<>();

	@Nullable String response;

	@Nullable ReplyMode mode;

	@Nullable EnforcementResult enforcement;

	int modelCalls;

	/**
	 * The configured model as this turn calls it: the tokens of every reply are added to
	 * the turn's; null without a configured model.
	 */
	final @Nullable LanguageModel model;

	private final @Nullable LanguageModel configured;

	/** Prompt and completion tokens of the configured model in this turn. */
	long modelInputTokens;

	long modelOutputTokens;

	/** Prompt and completion tokens the client's model reported through sampling. */
	long samplingInputTokens;

	long samplingOutputTokens;

	TurnState(AgentSnapshot snapshot, Actor actor, Session session, boolean newSession, Interlocutor interlocutor,
			boolean newInterlocutor, String message, @Nullable String messageId, Burst burst, String traceId,
			@Nullable LanguageModel configured) {
		this.snapshot = snapshot;
		this.actor = actor;
		this.session = session;
		this.newSession = newSession;
		this.interlocutor = interlocutor;
		this.newInterlocutor = newInterlocutor;
		this.message = message;
		this.turn = session.turnCount() + 1;
		this.traceId = traceId;
		this.messageId = messageId;
		this.burst = burst;
		this.variables = new HashMap<>(session.state().variables());
		this.scenario = ScenarioState.of(session.state().scenarioId(), session.state().stepId());
		this.scenarioMemory = session.state().scenarioMemory();
		this.configured = configured;
		this.model = (configured != null) ? this::callModel : null;
	}

	private ModelReply callModel(ModelRequest request) {
		ModelReply reply = Objects.requireNonNull(this.configured).generate(request);
		this.modelInputTokens += reply.inputTokens();
		this.modelOutputTokens += reply.outputTokens();
		return reply;
	}

	void sampled(ModelReply reply) {
		this.samplingInputTokens += reply.inputTokens();
		this.samplingOutputTokens += reply.outputTokens();
	}

	@Nullable Scenario activeScenario() {
		return (this.scenario instanceof ScenarioState.AtStep at) ? this.snapshot.scenario(at.scenarioId()) : null;
	}

	@Nullable ScenarioStep activeStep() {
		Scenario active = activeScenario();
		if (active == null || !(this.scenario instanceof ScenarioState.AtStep at)) {
			return null;
		}
		return active.step(at.stepId()).orElse(null);
	}

	@Nullable String scenarioId() {
		return (this.scenario instanceof ScenarioState.AtStep at) ? at.scenarioId() : null;
	}

	@Nullable String stepId() {
		return (this.scenario instanceof ScenarioState.AtStep at) ? at.stepId() : null;
	}

	/**
	 * What templates see: interlocutor fields, session variables (tool outputs included),
	 * and each tool run of this turn as {@code tools.<tool>.status} and
	 * {@code tools.<tool>.<field>}.
	 */
	Map<String, String> templateValues() {
		Map<String, String> values = Templates.values(this.variables, this.interlocutor.fields());
		for (ToolRun run : this.toolRuns) {
			String prefix = "tools." + run.tool() + ".";
			run.output().forEach((field, value) -> values.put(prefix + field, value));
			values.put(prefix + "status", run.status());
		}
		return values;
	}

	/** Whether the session or the interlocutor's profile already holds the field. */
	boolean knows(String field) {
		return this.variables.containsKey(field) || this.interlocutor.fields().containsKey(field);
	}

	List<Rule> matchedRules() {
		return this.matched.stream().map(Scored::item).toList();
	}

}
