package io.ruche.server.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ruche.brain.configuration.RuleDraft;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Rule.FiringLimits;
import io.ruche.brain.model.Rule.Relation;
import io.ruche.brain.model.Rule.RelationKind;
import io.ruche.brain.model.Rule.RuleContent;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Template;
import io.ruche.kernel.model.Scored;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.enumeration;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.number;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * A rule: the {@code rule} of {@code rule_upsert}, the body of the REST rule endpoints
 * and an item of the export document.
 */
public final class RuleJson {

	/** A rule as written by a client. */
	public static final Map<String, Object> INPUT = fields(
			object().property("id", string("Id of the rule to update; omit to create")))
		.property("version", integer("The version you read, to refuse a concurrent edit"))
		.build();

	/** A stored rule; {@code score} when ranked by a query. */
	public static final Map<String, Object> SCHEMA = fields(object().required("id", string("Rule id")))
		.requiredNames("scope", "priority", "enabled", "constraints", "tools")
		.required("version", integer("Version, for If-Match and concurrent edits"))
		.required("updated_at", string("When it last changed"))
		.property("score", number("Relevance to the query, 0-1"))
		.property("deleted_at", string("When it was deleted (history only)"))
		.build();

	private RuleJson() {
	}

	private static Schemas.ObjectSchema fields(Schemas.ObjectSchema schema) {
		return schema.required("name", string("Unique name among the agent's rules"))
			.required("condition", string("When the rule applies, in natural language"))
			.required("action", string("What the agent should do"))
			.property("scope", enumeration("Where it applies (default global)", "global", "scenario", "step"))
			.property("scope_ref",
					string("Scenario id/name (scope scenario), or step id or scenario/step (scope step)"))
			.property("priority", integer("-100 to 100, higher wins (default 0)"))
			.property("enabled", bool("Default true"))
			.property("template",
					anyObject("{text, mode: exclusive|suggest|fallback}; text uses {{variable}} placeholders"))
			.property("constraints", arrayOf(string("CEL"), "CEL expressions every reply must satisfy"))
			.property("tools", arrayOf(string("Tool name"), "Tools to run when the rule matches"))
			.property("relations",
					arrayOf(anyObject("{kind: depends_on|implies|excludes, rule: other rule's name}"),
							"Relations to other rules, applied after selection"))
			.property("max_fires_per_session", integer("Most times it fires in one session (0: no limit)"))
			.property("cooldown_turns", integer("Turns to wait before it fires again (0: none)"));
	}

	public static Map<String, Object> write(Rule rule) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", rule.id());
		map.putAll(body(rule.name(), rule.content(), rule.priority(), rule.enabled()));
		map.put("version", rule.version());
		map.put("updated_at", rule.updatedAt().toString());
		return map;
	}

	/**
	 * A rule found by a search: with its score when the search was ranked by a query.
	 * @param scored the rule and its score
	 * @param ranked whether a query ranked the search
	 * @return its JSON
	 */
	public static Map<String, Object> write(Scored<Rule> scored, boolean ranked) {
		Map<String, Object> rule = write(scored.item());
		if (ranked) {
			rule.put("score", Rounding.score(scored.score()));
		}
		return rule;
	}

	/**
	 * A version of a rule in its history, with when it was deleted.
	 * @param rule the version
	 * @return its JSON
	 */
	public static Map<String, Object> writeVersion(Rule rule) {
		Map<String, Object> map = write(rule);
		if (rule.deletedAt() != null) {
			map.put("deleted_at", rule.deletedAt().toString());
		}
		return map;
	}

	static Map<String, Object> write(RuleDraft rule) {
		return body(rule.name(), rule.content(), rule.priority(), rule.enabled());
	}

	private static Map<String, Object> body(String name, RuleContent content, int priority, boolean enabled) {
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
		Template template = content.template();
		if (template != null) {
			map.put("template", TemplateJson.write(template));
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

	public static RuleDraft read(Args rule) {
		String scope = Fields.orDefault(rule.optionalString("scope"), "global");
		Template template = TemplateJson.read(rule.optionalObject("template"));
		return InvalidArgumentsException.reading(() -> {
			RuleContent content = new RuleContent(rule.string("condition"), rule.string("action"),
					RuleScope.parse(scope), rule.optionalString("scope_ref"), template, rule.strings("constraints"),
					rule.strings("tools"),
					new FiringLimits(rule.integer("max_fires_per_session", 0), rule.integer("cooldown_turns", 0)),
					rule.objects("relations")
						.stream()
						.map((r) -> new Relation(RelationKind.parse(r.string("kind")), r.string("rule")))
						.toList());
			return new RuleDraft(rule.optionalString("id"), rule.string("name"), content, rule.integer("priority", 0),
					rule.bool("enabled", true), Fields.expectedVersion(rule));
		});
	}

}
