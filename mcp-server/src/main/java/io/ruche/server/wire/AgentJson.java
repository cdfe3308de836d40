package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * An agent: its name, description, persona and settings.
 */
public final class AgentJson {

	private static final Map<String, Object> FIELDS = arrayOf(CollectedFieldJson.SCHEMA,
			"Interlocutor fields the agent declares outside its scenarios: taken from any message by their "
					+ "pattern; with profile: true, kept in the interlocutor's profile");

	/** The fields of {@code agent_upsert} (also the body of the REST agent endpoints). */
	public static final Map<String, Object> INPUT = object()
		.required("name", string("Agent name, unique in the tenant"))
		.property("description", string("What the agent is for"))
		.property("persona", string("The agent's system prompt"))
		.property("settings", anyObject("max_regenerations (0-5), fallback_text, and other settings"))
		.property("fields", FIELDS)
		.property("version", integer("The version you read, to refuse a concurrent edit"))
		.build();

	/** A stored agent. */
	public static final Map<String, Object> SCHEMA = object().required("id", string("Agent id"))
		.required("name", string("Agent name"))
		.required("description", string("What the agent is for"))
		.required("persona", string("The agent's system prompt"))
		.required("settings",
				object().required("max_regenerations", integer("Regenerations after a broken constraint"))
					.property("fallback_text", string("The reply when nothing else can answer"))
					.others(string("Another setting"))
					.build())
		.required("fields", FIELDS)
		.required("version", integer("Version, for If-Match and concurrent edits"))
		.build();

	/** An agent in a list: id, name and description. */
	public static final Map<String, Object> SUMMARY_SCHEMA = object().required("id", string("Agent id"))
		.required("name", string("Agent name"))
		.required("description", string("What the agent is for"))
		.build();

	private AgentJson() {
	}

	public static Map<String, Object> write(Agent agent) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", agent.id());
		map.put("name", agent.name());
		map.put("description", agent.description());
		map.put("persona", agent.persona());
		map.put("settings", settings(agent.settings()));
		map.put("fields", fields(agent.fields()));
		map.put("version", agent.version());
		return map;
	}

	public static Map<String, Object> summary(Agent agent) {
		return Map.of("id", agent.id(), "name", agent.name(), "description", agent.description());
	}

	static Map<String, Object> settings(AgentSettings settings) {
		Map<String, Object> map = new LinkedHashMap<>(settings.extra());
		map.put("max_regenerations", settings.maxRegenerations());
		if (settings.fallbackText() != null) {
			map.put("fallback_text", settings.fallbackText());
		}
		return map;
	}

	static List<Map<String, Object>> fields(List<FieldSpec> fields) {
		return fields.stream().map(CollectedFieldJson::write).toList();
	}

	public static AgentDraft read(Args args) {
		Args settings = args.optionalObject("settings");
		List<FieldSpec> fields = args.has("fields")
				? InvalidArgumentsException.reading(
						() -> args.objects("fields").stream().map((f) -> CollectedFieldJson.read(f, false)).toList())
				: null;
		return new AgentDraft(args.string("name"), args.optionalString("description"), args.optionalString("persona"),
				(settings != null) ? settings(settings) : null, fields, Fields.expectedVersion(args));
	}

	private static AgentSettings settings(Args settings) {
		Map<String, String> extra = new LinkedHashMap<>();
		settings.values().forEach((key, value) -> {
			if (!key.equals("max_regenerations") && !key.equals("fallback_text") && value != null) {
				extra.put(key, String.valueOf(value));
			}
		});
		return InvalidArgumentsException.reading(() -> new AgentSettings(settings.optionalString("fallback_text"),
				settings.integer("max_regenerations", 1), extra));
	}

}
