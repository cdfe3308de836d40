package io.ruche.server.wire;

import java.util.List;
import java.util.Map;

import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.model.TurnRecord.ToolCallSummary;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.number;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The parts that the results of a turn and the recorded turns share: matched rules, the
 * scenario position, tool calls and violations.
 */
final class TurnParts {

	static final Map<String, Object> MESSAGE_ID = string(
			"Your id of this message (1 to 100 visible ASCII characters): sent again in the same session, "
					+ "it returns the stored turn and runs nothing");

	static final Map<String, Object> MATCHED_RULES = arrayOf(object().required("id", string("Rule id"))
		.required("name", string("Rule name"))
		.required("score", number("Retrieval score"))
		.build(), "The rules kept for the turn, best first");

	static final Map<String, Object> SCENARIO = nullable(object().required("id", string("Scenario id"))
		.required("name", string("Scenario name"))
		.required("step", string("Active step id"))
		.build());

	static final Map<String, Object> TOOL_CALLS = arrayOf(
			object().required("tool", string("Tool name")).required("status", string("Outcome")).build(),
			"Tools run during the turn");

	static final Map<String, Object> VIOLATIONS = arrayOf(object().required("rule", string("Rule name"))
		.required("expression", string("The broken CEL expression or instruction"))
		.required("message", string("Why it is broken"))
		.property("rule_id", string("Rule id"))
		.build(), "Broken constraints");

	private TurnParts() {
	}

	static List<Map<String, Object>> matchedRules(List<MatchedRule> rules) {
		return rules.stream()
			.map((r) -> Map.<String, Object>of("id", r.id(), "name", r.name(), "score", Rounding.score(r.score())))
			.toList();
	}

	static @Nullable Map<String, Object> scenario(@Nullable ScenarioPosition position) {
		return (position != null) ? Map.of("id", position.id(), "name", position.name(), "step", position.step())
				: null;
	}

	static List<Map<String, Object>> toolCalls(List<ToolCallSummary> calls) {
		return calls.stream().map((c) -> Map.<String, Object>of("tool", c.tool(), "status", c.status())).toList();
	}

	static List<Map<String, Object>> violations(List<Violation> violations) {
		return violations.stream()
			.map((v) -> Map.<String, Object>of("rule", v.rule(), "rule_id", v.ruleId(), "expression", v.expression(),
					"message", v.message()))
			.toList();
	}

}
