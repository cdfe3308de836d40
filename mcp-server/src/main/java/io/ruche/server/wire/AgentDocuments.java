package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentDocumentFormat;
import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.AgentSnapshot;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.FieldSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes and reads the YAML export document of an agent ({@code ruche/v1}), which is also
 * the body of each of its versions.
 */
public final class AgentDocuments implements AgentDocumentFormat {

	static final String FORMAT = "ruche/v1";

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	@Override
	public String write(AgentSnapshot snapshot) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", FORMAT);
		document.putAll(tree(snapshot));
		return this.yaml.writeValueAsString(document);
	}

	@Override
	public Map<String, Object> tree(AgentSnapshot snapshot) {
		Map<String, Object> document = new LinkedHashMap<>();
		Map<String, Object> agent = new LinkedHashMap<>();
		agent.put("name", snapshot.agent().name());
		agent.put("description", snapshot.agent().description());
		agent.put("persona", snapshot.agent().persona());
		if (snapshot.agent().settings() != null) {
			agent.put("settings", AgentJson.settings(snapshot.agent().settings()));
		}
		// Written only when declared, so that the documents of versions made before
		// agents
		// declared fields compare equal.
		List<FieldSpec> fields = snapshot.agent().fields();
		if (fields != null && !fields.isEmpty()) {
			agent.put("fields", AgentJson.fields(fields));
		}
		document.put("agent", agent);
		document.put("scenarios", snapshot.scenarios().stream().map(ScenarioJson::write).toList());
		document.put("rules", snapshot.rules().stream().map(RuleJson::write).toList());
		document.put("tools", snapshot.tools());
		return document;
	}

	/**
	 * Parses a document.
	 * @param text the YAML (or JSON) text
	 * @return the snapshot it describes
	 * @throws InvalidArgumentsException naming what is wrong, with the line when the YAML
	 * is malformed
	 */
	@Override
	@SuppressWarnings("unchecked")
	public AgentSnapshot read(String text) {
		Object parsed;
		try {
			parsed = this.yaml.readValue(text, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidArgumentsException("the document is not valid YAML: " + ex.getOriginalMessage()
					+ ((ex.getLocation() != null) ? " (line " + ex.getLocation().getLineNr() + ")" : ""));
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new InvalidArgumentsException(
					"the document must be a YAML mapping with 'agent', 'rules' and 'scenarios'");
		}
		Args document = new Args((Map<String, Object>) map);
		String format = document.optionalString("format");
		if (format != null && !FORMAT.equals(format)) {
			throw new InvalidArgumentsException("unsupported format '" + format + "': expected " + FORMAT);
		}
		Args agent = document.object("agent");
		List<ScenarioDraft> scenarios = document.objects("scenarios").stream().map(ScenarioJson::read).toList();
		List<RuleDraft> rules = document.objects("rules").stream().map(RuleJson::read).toList();
		// A document is the whole configuration: no fields listed means none, as for
		// rules and scenarios.
		AgentDraft draft = AgentJson.read(agent);
		if (draft.fields() == null) {
			draft = new AgentDraft(draft.name(), draft.description(), draft.persona(), draft.settings(), List.of(),
					draft.expectedVersion());
		}
		return new AgentSnapshot(draft, rules, scenarios, document.strings("tools"));
	}

}
