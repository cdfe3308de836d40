package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;

import io.ruche.brain.model.TurnRecord;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code turns}: the reply in its own column so that it is committed once, the
 * rest as JSON in {@code body}.
 */
@Table("turns")
record TurnRow(@Id Key key, Body body, @Nullable String response, String traceId, Instant occurredAt,
		@Nullable String messageId) {

	static TurnRow of(TurnRecord turn) {
		return new TurnRow(new Key(turn.tenant().value(), turn.sessionId(), turn.turn()), Body.of(turn),
				turn.response(), turn.traceId(), Rows.micros(turn.at()), turn.messageId());
	}

	TurnRecord toTurn() {
		return new TurnRecord(TenantId.of(this.key.tenantId()), this.key.sessionId(), this.key.turn(),
				this.body.message(), this.response, this.body.mode(),
				Rows.map(this.body.matchedRules(), MatchedRuleBody::toMatchedRule), this.body.scenarioId(),
				this.body.stepId(), Rows.map(this.body.toolCalls(), ToolCallBody::toSummary), this.traceId,
				this.occurredAt, this.messageId);
	}

	/** The primary key {@code (tenant_id, session_id, turn)}. */
	record Key(String tenantId, String sessionId, int turn) {
	}

	/** The JSON of a turn, but its reply. */
	record Body(String message, String mode, List<MatchedRuleBody> matchedRules, @Nullable String scenarioId,
			@Nullable String stepId, List<ToolCallBody> toolCalls) implements JsonBody {

		static Body of(TurnRecord turn) {
			return new Body(turn.message(), turn.mode(), Rows.map(turn.matchedRules(), MatchedRuleBody::of),
					turn.scenarioId(), turn.stepId(), Rows.map(turn.toolCalls(), ToolCallBody::of));
		}

	}

	/** The JSON of one {@link MatchedRule}. */
	record MatchedRuleBody(String id, String name, double score) {

		static MatchedRuleBody of(MatchedRule rule) {
			return new MatchedRuleBody(rule.id(), rule.name(), rule.score());
		}

		MatchedRule toMatchedRule() {
			return new MatchedRule(this.id, this.name, this.score);
		}

	}

	/** The JSON of one {@link ToolCallSummary}. */
	record ToolCallBody(String tool, String status) {

		static ToolCallBody of(ToolCallSummary call) {
			return new ToolCallBody(call.tool(), call.status());
		}

		ToolCallSummary toSummary() {
			return new ToolCallSummary(this.tool, this.status);
		}

	}

}
