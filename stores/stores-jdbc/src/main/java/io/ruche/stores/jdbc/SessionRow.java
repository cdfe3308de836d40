package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Session;
import io.ruche.brain.model.Session.AbandonedScenario;
import io.ruche.brain.model.Session.ScenarioMemory;
import io.ruche.brain.model.Session.SessionState;
import io.ruche.brain.model.Session.StepVisit;
import io.ruche.brain.model.SessionStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code sessions}; the state is JSON in {@code state}. */
@Table("sessions")
record SessionRow(@Id TenantKey key, String agentId, String interlocutorId, String channel, String status,
		int turnCount, StateBody state, @Version long version, @InsertOnlyProperty Instant createdAt,
		Instant updatedAt) {

	static SessionRow of(Session session) {
		return new SessionRow(TenantKey.of(session.tenant(), session.id()), session.agentId(), session.interlocutorId(),
				session.channel(), session.status().name(), session.turnCount(), StateBody.of(session.state()),
				session.version(), Rows.micros(session.createdAt()), Rows.micros(session.updatedAt()));
	}

	Session toSession() {
		return new Session(this.key.tenant(), this.key.id(), this.agentId, this.interlocutorId, this.channel,
				SessionStatus.valueOf(this.status), this.turnCount, this.state.toState(), this.version, this.createdAt,
				this.updatedAt);
	}

	/**
	 * The JSON of {@link SessionState}.
	 *
	 * @param stepHistory null in states written before the history existed
	 * @param scenarioMemory null in states written before scenarios could be left
	 */
	record StateBody(@Nullable String scenarioId, @Nullable String stepId, Map<String, String> variables,
			Map<String, Integer> ruleFires, Map<String, Integer> ruleLastFiredTurn,
			@Nullable List<StepVisitBody> stepHistory, @Nullable MemoryBody scenarioMemory) implements JsonBody {

		static StateBody of(SessionState state) {
			return new StateBody(state.scenarioId(), state.stepId(), state.variables(), state.ruleFires(),
					state.ruleLastFiredTurn(), Rows.map(state.stepHistory(), StepVisitBody::of),
					MemoryBody.of(state.scenarioMemory()));
		}

		SessionState toState() {
			List<StepVisit> history = (this.stepHistory != null) ? Rows.map(this.stepHistory, StepVisitBody::toVisit)
					: List.of();
			ScenarioMemory memory = (this.scenarioMemory != null) ? this.scenarioMemory.toMemory()
					: ScenarioMemory.EMPTY;
			return new SessionState(this.scenarioId, this.stepId, this.variables, this.ruleFires,
					this.ruleLastFiredTurn, history, memory);
		}

	}

	/** The JSON of {@link ScenarioMemory}. */
	record MemoryBody(List<AbandonedBody> abandoned, int lastFieldTurn) {

		static MemoryBody of(ScenarioMemory memory) {
			return new MemoryBody(Rows.map(memory.abandoned(), AbandonedBody::of), memory.lastFieldTurn());
		}

		ScenarioMemory toMemory() {
			return new ScenarioMemory(Rows.map(this.abandoned, AbandonedBody::toAbandoned), this.lastFieldTurn);
		}

	}

	/** The JSON of one {@link AbandonedScenario}. */
	record AbandonedBody(String scenarioId, String stepId, Map<String, String> fields, int turn, String reason) {

		static AbandonedBody of(AbandonedScenario abandoned) {
			return new AbandonedBody(abandoned.scenarioId(), abandoned.stepId(), abandoned.fields(), abandoned.turn(),
					abandoned.reason());
		}

		AbandonedScenario toAbandoned() {
			return new AbandonedScenario(this.scenarioId, this.stepId, this.fields, this.turn, this.reason);
		}

	}

	/** The JSON of one {@link StepVisit}. */
	record StepVisitBody(String scenarioId, String stepId, int turn, String reason) {

		static StepVisitBody of(StepVisit visit) {
			return new StepVisitBody(visit.scenarioId(), visit.stepId(), visit.turn(), visit.reason());
		}

		StepVisit toVisit() {
			return new StepVisit(this.scenarioId, this.stepId, this.turn, this.reason);
		}

	}

}
