package io.ruche.brain.port;

import java.util.List;

import io.ruche.brain.model.Agent;
import io.ruche.brain.port.RuleStore.EmbeddedRule;
import io.ruche.brain.port.ScenarioStore.EmbeddedScenario;

/**
 * Where a turn reads a configuration other than the live one: the agent's draft or one of
 * its published versions, with the embeddings its retrieval needs, built without touching
 * the live rules and scenarios.
 */
public interface ConfigurationSource {

	/** The version name of an agent's draft. */
	String DRAFT = "draft";

	/**
	 * The agent's configuration at a version.
	 * @param live the live agent
	 * @param version {@value #DRAFT} or a version number
	 * @return the configuration
	 * @throws io.ruche.brain.configuration.UnknownObjectException when the agent has no
	 * draft or no such version
	 */
	ConfiguredAgent configuration(Agent live, String version);

	/**
	 * An agent's configuration at one version, as a turn reads it.
	 *
	 * @param agent the agent with that version's description, persona and settings
	 * @param rules its rules with their condition embeddings
	 * @param scenarios its scenarios with their embeddings
	 * @param tools the names of the tools it enables
	 * @param version {@value #DRAFT} or the version number
	 */
	record ConfiguredAgent(Agent agent, List<EmbeddedRule> rules, List<EmbeddedScenario> scenarios, List<String> tools,
			String version) {

		public ConfiguredAgent {
			rules = List.copyOf(rules);
			scenarios = List.copyOf(scenarios);
			tools = List.copyOf(tools);
		}

	}

}
