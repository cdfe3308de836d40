package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.ScenarioDraft;
import io.ruche.brain.model.FieldSpec;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.brain.model.Template;
import io.ruche.brain.model.Transition;
import org.jspecify.annotations.Nullable;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A scenario with its steps: the {@code scenario} of {@code scenario_upsert}, the body of
 * the REST scenario endpoints and an item of the export document.
 */
public final class ScenarioJson {

	private static final Map<String, Object> EXIT_CONDITIONS = arrayOf(
			string("A CEL condition or plain-language text; the scenario is left when one holds"),
			"When to leave the scenario");

	private static final Map<String, Object> STEP = object().required("id", string("Step id, unique in the scenario"))
		.property("name", string("Display name"))
		.property("instructions", string("What the agent does in this step"))
		.property("collects", arrayOf(CollectedFieldJson.SCHEMA, "Fields collected"))
		.property("transitions", arrayOf(anyObject("{to, condition (CEL)?, when (text)?}"), "Ways out"))
		.property("terminal", bool("The scenario ends here"))
		.property("tools", arrayOf(string("Tool name"), "Tools this step runs"))
		.property("reachable_from_anywhere",
				bool("A conversation that turns out to be at this step may be relocalized here from any step"))
		.property("template",
				anyObject("{text, mode} as a rule's; the step's reply when no model or sampler is available"))
		.property("exit_conditions", EXIT_CONDITIONS)
		.build();

	/** A scenario as written by a client. */
	public static final Map<String, Object> INPUT = fields(
			object().property("id", string("Id of the scenario to update; omit to create")))
		.property("version", integer("The version you read, to refuse a concurrent edit"))
		.build();

	/** A stored scenario. */
	public static final Map<String, Object> SCHEMA = fields(object().required("id", string("Scenario id")))
		.requiredNames("description", "enabled")
		.required("version", integer("Version, for If-Match and concurrent edits"))
		.build();

	private ScenarioJson() {
	}

	private static Schemas.ObjectSchema fields(Schemas.ObjectSchema schema) {
		return schema.required("name", string("Unique name among the agent's scenarios"))
			.property("description", string("What the flow achieves"))
			.required("entry_condition", string("When to enter, in natural language"))
			.property("entry_step", string("Id of the first step (default: the first listed)"))
			.required("steps", arrayOf(STEP, "The steps"))
			.property("exit_conditions", EXIT_CONDITIONS)
			.property("enabled", bool("Default true"));
	}

	public static Map<String, Object> write(Scenario scenario) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", scenario.id());
		map.putAll(body(scenario.name(), scenario.description(), scenario.entryCondition(), scenario.entryStep(),
				scenario.steps(), scenario.exitConditions(), scenario.enabled()));
		map.put("version", scenario.version());
		return map;
	}

	static Map<String, Object> write(ScenarioDraft scenario) {
		return body(scenario.name(), scenario.description(), scenario.entryCondition(), scenario.entryStep(),
				scenario.steps(), scenario.exitConditions(), scenario.enabled());
	}

	private static Map<String, Object> body(String name, String description, String entryCondition,
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
		map.put("steps", steps.stream().map(ScenarioJson::step).toList());
		return map;
	}

	private static Map<String, Object> step(ScenarioStep step) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", step.id());
		map.put("name", step.name());
		map.put("instructions", step.instructions());
		map.put("collects", step.collects().stream().map(CollectedFieldJson::write).toList());
		map.put("transitions", step.transitions().stream().map(ScenarioJson::transition).toList());
		map.put("terminal", step.terminal());
		map.put("tools", step.tools());
		map.put("reachable_from_anywhere", step.reachableFromAnywhere());
		map.put("exit_conditions", step.exitConditions());
		Template template = step.template();
		if (template != null) {
			map.put("template", TemplateJson.write(template));
		}
		return map;
	}

	private static Map<String, Object> transition(Transition transition) {
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

	public static ScenarioDraft read(Args scenario) {
		List<ScenarioStep> steps = scenario.objects("steps").stream().map(ScenarioJson::step).toList();
		return new ScenarioDraft(scenario.optionalString("id"), scenario.string("name"),
				Fields.orDefault(scenario.optionalString("description"), ""), scenario.string("entry_condition"),
				scenario.optionalString("entry_step"), steps, scenario.strings("exit_conditions"),
				scenario.bool("enabled", true), Fields.expectedVersion(scenario));
	}

	private static ScenarioStep step(Args step) {
		String id = step.string("id");
		Template template = TemplateJson.read(step.optionalObject("template"));
		return InvalidArgumentsException.reading(() -> {
			List<FieldSpec> collects = step.objects("collects")
				.stream()
				.map((f) -> CollectedFieldJson.read(f, true))
				.toList();
			List<Transition> transitions = step.objects("transitions")
				.stream()
				.map((t) -> new Transition(t.string("to"), t.optionalString("condition"), t.optionalString("when")))
				.toList();
			return new ScenarioStep(id, Fields.orDefault(step.optionalString("name"), id),
					Fields.orDefault(step.optionalString("instructions"), ""), collects, transitions,
					step.bool("terminal", false), step.strings("tools"), step.bool("reachable_from_anywhere", false),
					template, step.strings("exit_conditions"));
		});
	}

}
