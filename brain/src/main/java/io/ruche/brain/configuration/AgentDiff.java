package io.ruche.brain.configuration;

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

	public AgentDiff {
		agent = List.copyOf(agent);
		rules = List.copyOf(rules);
		scenarios = List.copyOf(scenarios);
		tools = List.copyOf(tools);
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
