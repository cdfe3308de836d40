package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes and reads the YAML export document of an agent ({@code ruche/v1}).
 */
public final class AgentDocuments {

	static final String FORMAT = "ruche/v1";

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	public String write(AgentSnapshot snapshot) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", FORMAT);
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("name", snapshot.agent().name());
		agent.put("description", snapshot.agent().description());
		agent.put("persona", snapshot.agent().persona());
		if (snapshot.agent().settings() != null) {
			agent.put("settings", WireFormat.settings(snapshot.agent().settings()));
		}
		document.put("agent", agent);
		document.put("scenarios", snapshot.scenarios().stream().map(AgentDocuments::scenario).toList());
		document.put("rules", snapshot.rules().stream().map(AgentDocuments::rule).toList());
		document.put("tools", snapshot.tools());
		return this.yaml.writeValueAsString(document);
	}

	private static Map<String, Object> rule(RuleDraft rule) {
		return WireFormat.ruleBody(rule.name(), rule.content(), rule.priority(), rule.enabled());
	}

	private static Map<String, Object> scenario(ScenarioDraft scenario) {
		return WireFormat.scenarioBody(scenario.name(), scenario.description(), scenario.entryCondition(),
				scenario.entryStep(), scenario.steps(), scenario.exitConditions(), scenario.enabled());
	}

	/**
	 * Parses a document.
	 * @param text the YAML (or JSON) text
	 * @return the snapshot it describes
	 * @throws IllegalArgumentException naming what is wrong, with the line when the YAML
	 * is malformed
	 */
	@SuppressWarnings("unchecked")
	public AgentSnapshot read(String text) {
		Object parsed;
		try {
			parsed = this.yaml.readValue(text, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the document is not valid YAML: " + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : ""));
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException(
					"the document must be a YAML mapping with 'agent', 'rules' and 'scenarios'");
		}
		Args document = new Args((Map<String, Object>) map);
		String format = document.optionalString("format");
		if (format != null && !FORMAT.equals(format)) {
			throw new IllegalArgumentException("unsupported format '" + format + "': expected " + FORMAT);
		}
		Args agent = document.object("agent");
		List<ScenarioDraft> scenarios = document.objects("scenarios").stream().map(WireFormat::scenarioDraft).toList();
		List<RuleDraft> rules = document.objects("rules").stream().map(WireFormat::ruleDraft).toList();
		return new AgentSnapshot(WireFormat.agentDraft(agent), rules, scenarios, document.strings("tools"));
	}

}
