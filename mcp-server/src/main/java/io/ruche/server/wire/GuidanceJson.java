package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.GuidanceResult;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A turn without a reply: the arguments and result of {@code guidance}.
 */
public final class GuidanceJson {

	public static final Map<String, Object> INPUT = object().required("message", string("The interlocutor's message"))
		.property("agent", AgentArgument.SCHEMA_OR_SESSION)
		.property("session", string("Session id; omit to start a new session"))
		.property("interlocutor", string("Interlocutor id; omit for a new anonymous interlocutor"))
		.property("message_id", TurnParts.MESSAGE_ID)
		.property("version", DraftJson.VERSION_ARGUMENT)
		.build();

	public static final Map<String, Object> SCHEMA = object().required("session", string("Session id"))
		.required("turn", integer("1-based turn number"))
		.required("matched_rules", TurnParts.MATCHED_RULES)
		.required("scenario", TurnParts.SCENARIO)
		.required("instructions", string("Instructions for your model"))
		.required("constraints", arrayOf(
				object().required("rule", string("Rule name")).required("expression", string("CEL expression")).build(),
				"Constraints your reply must satisfy"))
		.required("template", nullable(string("A matched template, rendered, or null")))
		.required("suggested_tools", arrayOf(string("Tool name"), "Tools the rules and step suggest"))
		.required("trace", string("Trace id, readable with trace_get"))
		.build();

	private GuidanceJson() {
	}

	public static Map<String, Object> write(GuidanceResult result) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("session", result.session());
		map.put("turn", result.turn());
		map.put("matched_rules", TurnParts.matchedRules(result.matchedRules()));
		map.put("scenario", TurnParts.scenario(result.scenario()));
		map.put("instructions", result.instructions());
		map.put("constraints",
				result.constraints()
					.stream()
					.map((c) -> Map.<String, Object>of("rule", c.rule(), "expression", c.expression()))
					.toList());
		map.put("template", result.template());
		map.put("suggested_tools", result.suggestedTools());
		map.put("trace", result.trace());
		return map;
	}

}
