package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.Versions;
import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayReport.ReplayedSession;
import io.ruche.brain.replay.ReplayReport.ReplayedTurn;
import io.ruche.brain.replay.ReplayReport.ToolHandling;
import io.ruche.brain.replay.ReplayReport.TurnOutcomeView;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * Drafts of an agent's configuration, the {@code draft} and {@code version} arguments,
 * and the report of a replay (see docs/configuration.md, Safe change).
 */
public final class DraftJson {

	/** The {@code draft} argument of the upsert and delete tools. */
	public static final Map<String, Object> DRAFT_ARGUMENT = bool(
			"true: edit the agent's draft instead of the live configuration; false: edit the live one; "
					+ "omitted: the agent's setting 'drafts' decides (live unless it is true)");

	/** The {@code version} argument of converse, guidance and agent_replay. */
	public static final Map<String, Object> VERSION_ARGUMENT = Map.of("type", List.of("string", "integer"),
			"description", "\"draft\" for the agent's draft, or a published version number");

	/** A draft without its document. */
	public static final Map<String, Object> SCHEMA = object()
		.required("base_version", integer("The published version the draft started from (0: none)"))
		.required("revision", integer("1 for the first edit, then one more per edit"))
		.required("author", string("The key id that made the last edit"))
		.required("updated_at", string("When it was last edited (ISO-8601)"))
		.build();

	/** A draft with its document. */
	public static final Map<String, Object> DOCUMENT_SCHEMA = object()
		.required("base_version", integer("The published version the draft started from (0: none)"))
		.required("revision", integer("1 for the first edit, then one more per edit"))
		.required("author", string("The key id that made the last edit"))
		.required("updated_at", string("When it was last edited (ISO-8601)"))
		.required("document", string("The draft as agent_export writes an agent"))
		.build();

	private static final Map<String, Object> OUTCOME = object()
		.required("rules", arrayOf(string("Rule name"), "The kept rules' names, in the kept order"))
		.required("scenario", nullable(string("The active scenario's name after the turn")))
		.required("step", nullable(string("The active step after the turn")))
		.required("mode",
				enumeration("How the reply is made: template, fallback, llm (a model would write it), guidance, or "
						+ "none (nothing could answer)", "template", "fallback", "llm", "guidance", "none"))
		.required("reply", nullable(string("The reply when it is deterministic (a template or fallback)")))
		.required("violations",
				arrayOf(string("Constraint expression"), "The constraints the reply (else the recorded one) breaks"))
		.build();

	private static final Map<String, Object> TOOL = object().required("tool", string("The tool name"))
		.required("handling",
				enumeration(
						"simulated: the recorded turn ran it, its recorded status is reused and its output is "
								+ "not replayed; skipped: the recorded turn did not run it, nothing runs",
						"simulated", "skipped"))
		.required("status", string("The status the replayed turn saw"))
		.build();

	private static final Map<String, Object> TURN = object().required("turn", integer("The recorded turn number"))
		.required("message", string("The recorded message"))
		.required("before", OUTCOME)
		.required("after", OUTCOME)
		.required("changed",
				arrayOf(enumeration("A part that differs", "rules", "scenario", "step", "mode", "reply", "violations"),
						"What differs between the live configuration and the candidate; empty when nothing does"))
		.required("tools", arrayOf(TOOL, "How each tool the candidate's turn names was handled"))
		.build();

	/** The report of a replay. */
	public static final Map<String, Object> REPLAY_SCHEMA = object()
		.required("baseline", string("What the turns were replayed on first: live"))
		.required("candidate", string("The candidate: draft or a version number"))
		.required("turns", integer("How many turns are reported"))
		.required("changed", integer("How many of them differ"))
		.required("sessions",
				arrayOf(object().required("session", string("The recorded session"))
					.required("turns", arrayOf(TURN, "Its reported turns, oldest first"))
					.build(), "The replayed sessions"))
		.build();

	private DraftJson() {
	}

	public static Map<String, Object> write(ConfigurationDraft draft) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("base_version", draft.baseVersion());
		json.put("revision", draft.revision());
		json.put("author", draft.author());
		json.put("updated_at", draft.updatedAt().toString());
		return json;
	}

	public static Map<String, Object> writeWithDocument(ConfigurationDraft draft) {
		Map<String, Object> json = write(draft);
		json.put("document", draft.document());
		return json;
	}

	public static Map<String, Object> write(ReplayReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("baseline", report.baseline());
		json.put("candidate", report.candidate());
		json.put("turns", report.turns());
		json.put("changed", report.changed());
		json.put("sessions", report.sessions().stream().map(DraftJson::session).toList());
		return json;
	}

	private static Map<String, Object> session(ReplayedSession session) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("session", session.sessionId());
		json.put("turns", session.turns().stream().map(DraftJson::turn).toList());
		return json;
	}

	private static Map<String, Object> turn(ReplayedTurn turn) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("turn", turn.turn());
		json.put("message", turn.message());
		json.put("before", outcome(turn.before()));
		json.put("after", outcome(turn.after()));
		json.put("changed", turn.changed());
		json.put("tools", turn.tools().stream().map(DraftJson::tool).toList());
		return json;
	}

	private static Map<String, Object> outcome(TurnOutcomeView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rules", view.rules());
		json.put("scenario", view.scenario());
		json.put("step", view.step());
		json.put("mode", view.mode());
		json.put("reply", view.reply());
		json.put("violations", view.violations());
		return json;
	}

	private static Map<String, Object> tool(ToolHandling tool) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("tool", tool.tool());
		json.put("handling", tool.handling());
		json.put("status", tool.status());
		return json;
	}

	/**
	 * Reads an optional {@code version}: {@code "draft"} or a version number, as a string
	 * or an integer.
	 * @param args the arguments
	 * @return the version, or null when absent
	 * @throws InvalidArgumentsException when it is neither
	 */
	public static @Nullable String version(Args args) {
		Object value = args.values().get("version");
		if (value == null) {
			return null;
		}
		String version = (value instanceof Number number) ? String.valueOf(number.longValue())
				: value.toString().strip();
		return InvalidArgumentsException.reading(() -> {
			Versions.check(version);
			return version;
		});
	}

	/**
	 * Reads the {@code draft} argument.
	 * @param args the arguments
	 * @return its value, or null when absent
	 */
	public static @Nullable Boolean draft(Args args) {
		return args.has("draft") ? args.bool("draft", false) : null;
	}

}
