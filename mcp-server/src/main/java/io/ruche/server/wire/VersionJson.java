package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentDiff.FieldChange;
import io.ruche.brain.configuration.AgentDiff.ObjectChange;
import io.ruche.brain.model.AgentVersion;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The versions of an agent's configuration and the diff between two of them.
 */
public final class VersionJson {

	/** A version without its document, as listed. */
	public static final Map<String, Object> SCHEMA = object()
		.required("version", integer("The version number, 1 for the first published state"))
		.required("author", string("The key id that published it, or system"))
		.required("summary", string("What changed, e.g. 'rule.upsert refunds'"))
		.required("created_at", string("When it was published (ISO-8601)"))
		.build();

	/** A version with its document. */
	public static final Map<String, Object> DOCUMENT_SCHEMA = object()
		.required("version", integer("The version number"))
		.required("author", string("The key id that published it, or system"))
		.required("summary", string("What changed"))
		.required("created_at", string("When it was published (ISO-8601)"))
		.required("document", string("The agent's configuration at that version, as agent_export writes it"))
		.build();

	private static final Map<String, Object> FIELD = object().required("field", string("The field, dotted when nested"))
		.property("before", Map.of("description", "Its value in the earlier version; absent when it had none"))
		.property("after", Map.of("description", "Its value in the later version; absent when it has none"))
		.build();

	private static final Map<String, Object> OBJECT = object().required("name", string("The object's name"))
		.required("change", enumeration("How it changed", "added", "changed", "removed"))
		.required("fields", arrayOf(FIELD, "Its fields that differ"))
		.build();

	/** The diff between two versions. */
	public static final Map<String, Object> DIFF_SCHEMA = object().required("from", integer("The earlier version"))
		.required("to", integer("The later version"))
		.required("agent", arrayOf(FIELD, "Changed fields of the agent itself"))
		.required("rules", arrayOf(OBJECT, "Added, changed and removed rules"))
		.required("scenarios", arrayOf(OBJECT, "Added, changed and removed scenarios"))
		.required("tools", arrayOf(OBJECT, "Tools enabled (added) or disabled (removed)"))
		.build();

	private VersionJson() {
	}

	public static Map<String, Object> write(AgentVersion version) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("version", version.number());
		json.put("author", version.author());
		json.put("summary", version.summary());
		json.put("created_at", version.createdAt().toString());
		return json;
	}

	public static Map<String, Object> writeWithDocument(AgentVersion version) {
		Map<String, Object> json = write(version);
		json.put("document", version.document());
		return json;
	}

	public static Map<String, Object> write(AgentDiff diff) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("from", diff.from());
		json.put("to", diff.to());
		json.put("agent", fields(diff.agent()));
		json.put("rules", objects(diff.rules()));
		json.put("scenarios", objects(diff.scenarios()));
		json.put("tools", objects(diff.tools()));
		return json;
	}

	private static List<Map<String, Object>> objects(List<ObjectChange> changes) {
		return changes.stream().map((change) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", change.name());
			json.put("change", change.change().name().toLowerCase(Locale.ROOT));
			json.put("fields", fields(change.fields()));
			return json;
		}).toList();
	}

	private static List<Map<String, Object>> fields(List<FieldChange> changes) {
		return changes.stream().map((change) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("field", change.field());
			if (change.before() != null) {
				json.put("before", change.before());
			}
			if (change.after() != null) {
				json.put("after", change.after());
			}
			return json;
		}).toList();
	}

	/**
	 * Reads a version number argument.
	 * @param args the arguments
	 * @param name the argument's name
	 * @return the number, at least 1
	 * @throws InvalidArgumentsException when it is missing or not a positive integer
	 */
	public static long number(Args args, String name) {
		int number = args.integer(name, 0);
		if (number < 1) {
			throw new InvalidArgumentsException("argument '" + name + "' is required: a version number, 1 or more");
		}
		return number;
	}

}
