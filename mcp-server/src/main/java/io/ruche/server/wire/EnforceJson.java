package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.EnforceResult;

import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A draft checked against the constraints: the arguments and result of {@code enforce}.
 */
public final class EnforceJson {

	public static final Map<String, Object> INPUT = object().required("draft", string("The draft reply to check"))
		.property("agent", AgentArgument.SCHEMA_OR_SESSION)
		.property("session", string("Session id; omit to check against the agent's global constraints only"))
		.property("commit", bool("Record a passing draft as the agent's reply of the session's last turn"))
		.build();

	public static final Map<String, Object> SCHEMA = object()
		.required("passed", bool("Whether the draft satisfies every constraint"))
		.required("violations", TurnParts.VIOLATIONS)
		.required("committed", bool("Whether the draft was recorded as the reply"))
		.build();

	private EnforceJson() {
	}

	public static Map<String, Object> write(EnforceResult result) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("passed", result.passed());
		map.put("violations", TurnParts.violations(result.violations()));
		map.put("committed", result.committed());
		return map;
	}

}
