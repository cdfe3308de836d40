package io.ruche.brain.configuration;

import java.util.List;

/**
 * The whole configuration of one agent, as exported and imported.
 *
 * @param agent the agent itself
 * @param rules its rules
 * @param scenarios its scenarios
 * @param tools the names of the tools enabled for it
 */
public record AgentSnapshot(AgentDraft agent, List<RuleDraft> rules, List<ScenarioDraft> scenarios,
		List<String> tools) {

	public AgentSnapshot {
		rules = List.copyOf(rules);
		scenarios = List.copyOf(scenarios);
		tools = List.copyOf(tools);
	}

}
