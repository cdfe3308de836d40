package io.ruche.brain.internal;

import java.util.List;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.selection.RuleFilterSettings;
import io.ruche.brain.selection.SelectionSettings;
import org.jspecify.annotations.Nullable;

/**
 * An agent's configuration as one turn sees it, with the embeddings for in-process
 * retrieval.
 */
record AgentSnapshot(Agent agent, List<EmbeddedRule> rules, List<EmbeddedScenario> scenarios,
		SelectionSettings selection, NavigationSettings navigation, RuleFilterSettings ruleFilter) {

	AgentSnapshot {
		rules = List.copyOf(rules);
		scenarios = List.copyOf(scenarios);
	}

	List<Rule> plainRules() {
		return this.rules.stream().map(EmbeddedRule::rule).toList();
	}

	@Nullable Scenario scenario(@Nullable String id) {
		if (id == null) {
			return null;
		}
		return this.scenarios.stream()
			.map(EmbeddedScenario::scenario)
			.filter((s) -> s.id().equals(id))
			.findFirst()
			.orElse(null);
	}

}
