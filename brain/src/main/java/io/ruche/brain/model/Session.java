package io.ruche.brain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One conversation of one interlocutor with one agent on one channel.
 *
 * @param tenant the owning tenant
 * @param id the session id
 * @param agentId the agent
 * @param interlocutorId who talks to the agent
 * @param channel the channel name, such as {@code mcp} or {@code api}
 * @param status the lifecycle status
 * @param turnCount the number of completed turns
 * @param state the scenario position, collected variables and rule firing counts
 * @param version incremented on every write, for optimistic concurrency
 * @param createdAt when the session started
 * @param updatedAt when the session last changed
 */
public record Session(TenantId tenant, String id, String agentId, String interlocutorId, String channel,
		SessionStatus status, int turnCount, SessionState state, long version, Instant createdAt, Instant updatedAt) {

	/**
	 * The same session with other variables (opened or sealed personal values).
	 * @param variables the variables
	 * @return the copy
	 */
	public Session withVariables(Map<String, String> variables) {
		SessionState s = this.state;
		return new Session(this.tenant, this.id, this.agentId, this.interlocutorId, this.channel, this.status,
				this.turnCount, new SessionState(s.scenarioId(), s.stepId(), variables, s.ruleFires(),
						s.ruleLastFiredTurn(), s.stepHistory(), s.scenarioMemory()),
				this.version, this.createdAt, this.updatedAt);
	}

	/**
	 * The mutable part of a session, replaced as a whole at each turn.
	 *
	 * @param scenarioId the active scenario, or null
	 * @param stepId the active step; null exactly when {@code scenarioId} is null
	 * @param variables the collected field values
	 * @param ruleFires how many times each rule fired
	 * @param ruleLastFiredTurn the turn each rule last fired in
	 * @param stepHistory the steps visited, oldest first, trimmed to the last 50
	 * @param scenarioMemory the scenarios left unfinished, and when a field last changed;
	 * empty for sessions stored before it existed
	 */
	public record SessionState(@Nullable String scenarioId, @Nullable String stepId, Map<String, String> variables,
			Map<String, Integer> ruleFires, Map<String, Integer> ruleLastFiredTurn, List<StepVisit> stepHistory,
			ScenarioMemory scenarioMemory) {

		public static final SessionState EMPTY = new SessionState(null, null, Map.of(), Map.of(), Map.of(), List.of(),
				ScenarioMemory.EMPTY);

		public SessionState {
			if ((scenarioId == null) != (stepId == null)) {
				throw new IllegalArgumentException("a session has both an active scenario and step, or neither");
			}
			variables = Map.copyOf(variables);
			ruleFires = Map.copyOf(ruleFires);
			ruleLastFiredTurn = Map.copyOf(ruleLastFiredTurn);
			stepHistory = (stepHistory != null) ? List.copyOf(stepHistory) : List.of();
			scenarioMemory = (scenarioMemory != null) ? scenarioMemory : ScenarioMemory.EMPTY;
		}

		/** A state without scenario memory. */
		public SessionState(@Nullable String scenarioId, @Nullable String stepId, Map<String, String> variables,
				Map<String, Integer> ruleFires, Map<String, Integer> ruleLastFiredTurn, List<StepVisit> stepHistory) {
			this(scenarioId, stepId, variables, ruleFires, ruleLastFiredTurn, stepHistory, ScenarioMemory.EMPTY);
		}

	}

	/**
	 * What navigation remembers across turns beside the active step.
	 *
	 * @param abandoned the scenarios left before their end (switched away from, exited by
	 * a condition or a cancel), most recent last, that a later turn may resume
	 * @param lastFieldTurn the last turn in which a field was added or changed, for the
	 * loop guard; 0 when none was
	 */
	public record ScenarioMemory(List<AbandonedScenario> abandoned, int lastFieldTurn) {

		public static final ScenarioMemory EMPTY = new ScenarioMemory(List.of(), 0);

		public ScenarioMemory {
			abandoned = (abandoned != null) ? List.copyOf(abandoned) : List.of();
		}

	}

	/**
	 * A scenario left before its end.
	 *
	 * @param scenarioId the scenario
	 * @param stepId the step it was at
	 * @param fields the values of the fields its steps collect, as they were
	 * @param turn the turn it was left in
	 * @param reason why: {@code switch}, {@code exit_condition} or {@code cancel}
	 */
	public record AbandonedScenario(String scenarioId, String stepId, Map<String, String> fields, int turn,
			String reason) {

		public AbandonedScenario {
			fields = (fields != null) ? Map.copyOf(fields) : Map.of();
		}

	}

	/**
	 * A visit of a scenario step.
	 *
	 * @param scenarioId the scenario
	 * @param stepId the step entered
	 * @param turn the turn it was entered in
	 * @param reason why: {@code entry}, {@code transition}, {@code skip},
	 * {@code relocalize}, {@code exit}
	 */
	public record StepVisit(String scenarioId, String stepId, int turn, String reason) {
	}

}
