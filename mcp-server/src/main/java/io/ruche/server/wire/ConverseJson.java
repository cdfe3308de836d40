package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.Answered;
import io.ruche.brain.ConverseResult;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A turn with a reply: the arguments and result of {@code converse}, also the body and
 * answer of {@code POST /api/converse}.
 */
public final class ConverseJson {

	public static final Map<String, Object> INPUT = object().required("message", string("The interlocutor's message"))
		.property("agent", AgentArgument.SCHEMA_OR_SESSION)
		.property("session", string("Session id; omit to start a new session"))
		.property("interlocutor", string("Interlocutor id; omit for a new anonymous interlocutor"))
		.property("channel", string("Channel name (default mcp)"))
		.property("message_id", TurnParts.MESSAGE_ID)
		.property("version", DraftJson.VERSION_ARGUMENT)
		.build();

	public static final Map<String, Object> SCHEMA = object().required("session", string("Session id"))
		.required("turn", integer("1-based turn number"))
		.required("response", string("The agent's reply"))
		.required("mode", enumeration("How the reply was made", "llm", "sampling", "template", "fallback"))
		.required("matched_rules", TurnParts.MATCHED_RULES)
		.required("scenario", TurnParts.SCENARIO)
		.required("tool_calls", TurnParts.TOOL_CALLS)
		.required("enforcement",
				object().required("passed", bool("Whether the reply passed without fallback"))
					.required("violations", TurnParts.VIOLATIONS)
					.required("regenerations", integer("Regenerations made"))
					.build())
		.required("trace", string("Trace id, readable with trace_get"))
		.required("answered", object()
			.required("message_id",
					nullable(string("This message's id: the one sent, or the one it got on arrival "
							+ "under merge or supersede accumulation; null when none was sent under queue")))
			.required("accumulation",
					enumeration("The agent's accumulation when the turn ran", "queue", "merge", "supersede"))
			.required("messages", arrayOf(string("Message id"), "Ids of the messages this turn answered, oldest first"))
			.required("merged", bool("Whether this turn also answered other messages (merged or superseding turn)"))
			.required("superseded", integer("Runs of this turn that newer messages cancelled before it committed"))
			.build())
		.build();

	private ConverseJson() {
	}

	/**
	 * Reads the optional {@code message_id} of {@code converse} and {@code guidance}.
	 * @param args the arguments
	 * @return the id, or null when absent or blank
	 */
	public static @Nullable String messageId(Args args) {
		String id = args.optionalString("message_id");
		return (id == null || id.isBlank()) ? null : id;
	}

	public static Map<String, Object> write(ConverseResult result) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("session", result.session());
		map.put("turn", result.turn());
		map.put("response", result.response());
		map.put("mode", result.mode().wireName());
		map.put("matched_rules", TurnParts.matchedRules(result.matchedRules()));
		map.put("scenario", TurnParts.scenario(result.scenario()));
		map.put("tool_calls", TurnParts.toolCalls(result.toolCalls()));
		Map<String, Object> enforcement = new LinkedHashMap<>();
		enforcement.put("passed", result.enforcement().passed());
		enforcement.put("violations", TurnParts.violations(result.enforcement().violations()));
		enforcement.put("regenerations", result.enforcement().regenerations());
		map.put("enforcement", enforcement);
		map.put("trace", result.trace());
		Answered answered = result.answered();
		Map<String, Object> burst = new LinkedHashMap<>();
		burst.put("message_id", answered.messageId());
		burst.put("accumulation", answered.accumulation().wireName());
		burst.put("messages", answered.messages());
		burst.put("merged", answered.merged());
		burst.put("superseded", answered.superseded());
		map.put("answered", burst);
		return map;
	}

}
