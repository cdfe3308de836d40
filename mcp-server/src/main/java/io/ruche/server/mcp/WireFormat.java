package io.ruche.server.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentDraft;
import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.TemplateMode;
import io.ruche.brain.model.Transition;
import org.jspecify.annotations.Nullable;

/**
 * Maps the brain's records to and from the JSON shapes of the MCP contract (snake_case
 * names), for tools, resources and the export document alike.
 */
public final class WireFormat {

	private WireFormat() {
	}

	public static Map<String, Object> agent(Agent agent) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", agent.id());
		map.put("name", agent.name());
		map.put("description", agent.description());
		map.put("persona", agent.persona());
		map.put("settings", settings(agent.settings()));
		map.put("version", agent.version());
		return map;
	}

	static Map<String, Object> settings(AgentSettings settings) {
		Map<String, Object> map = new LinkedHashMap<>(settings.extra());
		map.put("max_regenerations", settings.maxRegenerations());
		if (settings.fallbackText() != null) {
			map.put("fallback_text", settings.fallbackText());
		}
		return map;
	}

	public static Map<String, Object> rule(Rule rule) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", rule.id());
		map.putAll(ruleBody(rule.name(), rule.content(), rule.priority(), rule.enabled()));
		map.put("version", rule.version());
		map.put("updated_at", rule.updatedAt().toString());
		return map;
	}

	static Map<String, Object> ruleBody(String name, RuleContent content, int priority, boolean enabled) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("condition", content.condition());
		map.put("action", content.action());
		map.put("scope", content.scope().wireName());
		if (content.scopeRef() != null) {
			map.put("scope_ref", content.scopeRef());
		}
		map.put("priority", priority);
		map.put("enabled", enabled);
		Template ruleTemplate = content.template();
		if (ruleTemplate != null) {
			map.put("template", template(ruleTemplate));
		}
		map.put("constraints", content.constraints());
		map.put("tools", content.tools());
		if (!content.relations().isEmpty()) {
			map.put("relations",
					content.relations()
						.stream()
						.map((r) -> Map.of("kind", r.kind().wireName(), "rule", r.rule()))
						.toList());
		}
		if (!content.limits().equals(FiringLimits.NONE)) {
			map.put("max_fires_per_session", content.limits().maxFiresPerSession());
			map.put("cooldown_turns", content.limits().cooldownTurns());
		}
		return map;
	}

	public static Map<String, Object> scenario(Scenario scenario) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", scenario.id());
		map.putAll(scenarioBody(scenario.name(), scenario.description(), scenario.entryCondition(),
				scenario.entryStep(), scenario.steps(), scenario.exitConditions(), scenario.enabled()));
		map.put("version", scenario.version());
		return map;
	}

	static Map<String, Object> scenarioBody(String name, String description, String entryCondition,
			@Nullable String entryStep, List<ScenarioStep> steps, List<String> exitConditions, boolean enabled) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("description", description);
		map.put("entry_condition", entryCondition);
		if (entryStep != null) {
			map.put("entry_step", entryStep);
		}
		map.put("exit_conditions", exitConditions);
		map.put("enabled", enabled);
		map.put("steps", steps.stream().map(WireFormat::step).toList());
		return map;
	}

	static Map<String, Object> step(ScenarioStep step) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", step.id());
		map.put("name", step.name());
		map.put("instructions", step.instructions());
		map.put("collects", step.collects().stream().map(WireFormat::field).toList());
		map.put("transitions", step.transitions().stream().map(WireFormat::transition).toList());
		map.put("terminal", step.terminal());
		map.put("tools", step.tools());
		map.put("reachable_from_anywhere", step.reachableFromAnywhere());
		map.put("exit_conditions", step.exitConditions());
		Template stepTemplate = step.template();
		if (stepTemplate != null) {
			map.put("template", template(stepTemplate));
		}
		return map;
	}

	private static Map<String, Object> template(Template template) {
		return Map.of("text", template.text(), "mode", template.mode().wireName());
	}

	static Map<String, Object> field(FieldSpec field) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", field.name());
		map.put("description", field.description());
		if (field.pattern() != null) {
			map.put("pattern", field.pattern());
		}
		map.put("required", field.required());
		map.put("personal", field.personal());
		return map;
	}

	static Map<String, Object> transition(Transition transition) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("to", transition.to());
		if (transition.condition() != null) {
			map.put("condition", transition.condition());
		}
		if (transition.when() != null) {
			map.put("when", transition.when());
		}
		return map;
	}

	public static AgentDraft agentDraft(Args args) {
		Args settings = args.optionalObject("settings");
		return new AgentDraft(args.string("name"), args.optionalString("description"), args.optionalString("persona"),
				(settings != null) ? agentSettings(settings) : null, expectedVersion(args));
	}

	static AgentSettings agentSettings(Args settings) {
		Map<String, String> extra = new LinkedHashMap<>();
		settings.values().forEach((key, value) -> {
			if (!key.equals("max_regenerations") && !key.equals("fallback_text") && value != null) {
				extra.put(key, String.valueOf(value));
			}
		});
		return new AgentSettings(settings.optionalString("fallback_text"), settings.integer("max_regenerations", 1),
				extra);
	}

	private static @Nullable Template template(@Nullable Args template) {
		return (template != null) ? new Template(template.string("text"),
				TemplateMode.parse(orDefault(template.optionalString("mode"), "suggest"))) : null;
	}

	public static RuleDraft ruleDraft(Args rule) {
		RuleScope scope = RuleScope.parse(orDefault(rule.optionalString("scope"), "global"));
		RuleContent content = new RuleContent(rule.string("condition"), rule.string("action"), scope,
				rule.optionalString("scope_ref"), template(rule.optionalObject("template")),
				rule.strings("constraints"), rule.strings("tools"),
				new FiringLimits(rule.integer("max_fires_per_session", 0), rule.integer("cooldown_turns", 0)),
				rule.objects("relations")
					.stream()
					.map((r) -> new Relation(RelationKind.parse(r.string("kind")), r.string("rule")))
					.toList());
		return new RuleDraft(rule.optionalString("id"), rule.string("name"), content, rule.integer("priority", 0),
				rule.bool("enabled", true), expectedVersion(rule));
	}

	public static ScenarioDraft scenarioDraft(Args scenario) {
		List<ScenarioStep> steps = new ArrayList<>();
		for (Args step : scenario.objects("steps")) {
			steps.add(step(step));
		}
		return new ScenarioDraft(scenario.optionalString("id"), scenario.string("name"),
				orDefault(scenario.optionalString("description"), ""), scenario.string("entry_condition"),
				scenario.optionalString("entry_step"), steps, scenario.strings("exit_conditions"),
				scenario.bool("enabled", true), expectedVersion(scenario));
	}

	private static ScenarioStep step(Args step) {
		String id = step.string("id");
		List<FieldSpec> collects = step.objects("collects")
			.stream()
			.map((f) -> new FieldSpec(f.string("name"), orDefault(f.optionalString("description"), ""),
					f.optionalString("pattern"), f.bool("required", true), f.bool("personal", false)))
			.toList();
		List<Transition> transitions = step.objects("transitions")
			.stream()
			.map((t) -> new Transition(t.string("to"), t.optionalString("condition"), t.optionalString("when")))
			.toList();
		return new ScenarioStep(id, orDefault(step.optionalString("name"), id),
				orDefault(step.optionalString("instructions"), ""), collects, transitions, step.bool("terminal", false),
				step.strings("tools"), step.bool("reachable_from_anywhere", false),
				template(step.optionalObject("template")), step.strings("exit_conditions"));
	}

	private static @Nullable Long expectedVersion(Args args) {
		return args.has("version") ? (long) args.integer("version", 0) : null;
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
