package io.ruche.brain.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.brain.model.Agent;
import io.ruche.brain.port.ConfigurationSource.ConfiguredAgent;
import io.ruche.brain.port.RuleStore;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.port.ScenarioStore;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;
import io.ruche.brain.scenario.NavigationSettings;
import io.ruche.brain.selection.RuleFilterSettings;
import io.ruche.brain.selection.SelectionSettings;
import io.ruche.kernel.model.TenantId;

/**
 * Agent snapshots by (tenant, agent), valid for one agent version and dropped when a
 * configuration change is broadcast.
 */
final class SnapshotCache {

	private record Key(TenantId tenant, String agentId) {
	}

	private final ConcurrentHashMap<Key, AgentSnapshot> snapshots = new ConcurrentHashMap<>();

	private final RuleStore rules;

	private final ScenarioStore scenarios;

	SnapshotCache(RuleStore rules, ScenarioStore scenarios) {
		this.rules = rules;
		this.scenarios = scenarios;
	}

	AgentSnapshot get(Agent agent) {
		Key key = new Key(agent.tenant(), agent.id());
		AgentSnapshot cached = this.snapshots.get(key);
		if (cached != null && cached.agent().version() == agent.version()) {
			return cached;
		}
		AgentSnapshot fresh = load(agent);
		this.snapshots.put(key, fresh);
		return fresh;
	}

	void invalidate(TenantId tenant, String agentId) {
		if ("*".equals(agentId)) {
			this.snapshots.keySet().removeIf((key) -> key.tenant().equals(tenant));
		}
		else {
			this.snapshots.remove(new Key(tenant, agentId));
		}
	}

	private AgentSnapshot load(Agent agent) {
		return of(agent, this.rules.embedded(agent.tenant(), agent.id()),
				this.scenarios.embedded(agent.tenant(), agent.id()));
	}

	/** A snapshot of a draft or a published version, as its source built it. */
	static AgentSnapshot of(ConfiguredAgent configured) {
		return of(configured.agent(), configured.rules(), configured.scenarios());
	}

	private static AgentSnapshot of(Agent agent, List<EmbeddedRule> rules, List<EmbeddedScenario> scenarios) {
		var extra = agent.settings().extra();
		return new AgentSnapshot(agent, rules, scenarios, SelectionSettings.from(extra), NavigationSettings.from(extra),
				RuleFilterSettings.from(extra));
	}

}
