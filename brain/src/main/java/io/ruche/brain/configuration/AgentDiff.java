package io.ruche.brain.configuration;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What changed in an agent's configuration from one version to another, object by object
 * and field by field. Fields are named as in the export document, nested ones with dots
 * ({@code template.text}, {@code steps.ask_order.instructions}).
 *
 * @param from the earlier version
 * @param to the later version
 * @param agent the changed fields of the agent itself (persona, settings…)
 * @param rules the added, changed and removed rules, by name
 * @param scenarios the added, changed and removed scenarios, by name
 * @param tools the tools enabled ({@code ADDED}) or disabled ({@code REMOVED})
 */
public record AgentDiff(long from, long to, List<FieldChange> agent, List<ObjectChange> rules,
		List<ObjectChange> scenarios, List<ObjectChange> tools) {

	/** The longest {@link #summary()}. */
	public static final int MAX_SUMMARY = 500;

	private static final int FIELDS_NAMED = 5;

	public AgentDiff {
		agent = List.copyOf(agent);
		rules = List.copyOf(rules);
		scenarios = List.copyOf(scenarios);
		tools = List.copyOf(tools);
	}

	/**
	 * The diff in one line, as the audit log keeps it: what was added, changed (by field
	 * names, never values) and removed, such as {@code rule 'refunds' changed: priority,
	 * template.text; tool weather enabled}; at most {@value #MAX_SUMMARY} characters.
	 * @return the summary, {@code no change} when both versions are the same
	 */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (!this.agent.isEmpty()) {
			parts.add("agent changed: " + names(this.agent));
		}
		this.rules.forEach((change) -> parts.add(describe("rule", change)));
		this.scenarios.forEach((change) -> parts.add(describe("scenario", change)));
		this.tools.forEach((change) -> parts
			.add("tool " + change.name() + ((change.change() == ChangeKind.REMOVED) ? " disabled" : " enabled")));
		String summary = parts.isEmpty() ? "no change" : String.join("; ", parts);
		return (summary.length() > MAX_SUMMARY) ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary;
	}

	private static String describe(String kind, ObjectChange change) {
		String named = kind + " '" + change.name() + "' ";
		return switch (change.change()) {
			case ADDED -> named + "added";
			case REMOVED -> named + "removed";
			case CHANGED -> named + "changed: " + names(change.fields());
		};
	}

	private static String names(List<FieldChange> fields) {
		String named = String.join(", ", fields.stream().limit(FIELDS_NAMED).map(FieldChange::field).toList());
		return (fields.size() > FIELDS_NAMED) ? named + " and " + (fields.size() - FIELDS_NAMED) + " more" : named;
	}

	/** How an object changed. */
	public enum ChangeKind {

		ADDED, CHANGED, REMOVED

	}

	/**
	 * One object that changed.
	 *
	 * @param name its name
	 * @param change how
	 * @param fields its fields that differ (every field, when added or removed)
	 */
	public record ObjectChange(String name, ChangeKind change, List<FieldChange> fields) {

		public ObjectChange {
			fields = List.copyOf(fields);
		}

	}

	/**
	 * One field that differs.
	 *
	 * @param field its dotted name
	 * @param before its value in the earlier version, null when absent
	 * @param after its value in the later version, null when absent
	 */
	public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {
	}

}
