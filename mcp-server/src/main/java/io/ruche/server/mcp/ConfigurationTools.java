package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Scored;

import static io.ruche.server.mcp.Schemas.anyObject;
import static io.ruche.server.mcp.Schemas.arrayOf;
import static io.ruche.server.mcp.Schemas.bool;
import static io.ruche.server.mcp.Schemas.integer;
import static io.ruche.server.mcp.Schemas.nullable;
import static io.ruche.server.mcp.Schemas.object;
import static io.ruche.server.mcp.Schemas.string;

/**
 * The configuration tools of the MCP contract: agents, rules, scenarios, export and
 * import.
 */
public final class ConfigurationTools implements McpToolGroup {

	private static final Map<String, Object> AGENT_ARG = string(
			"Agent name or id (optional when the session is pinned with ?agent=)");

	private static final Map<String, Object> EXIT_CONDITIONS = arrayOf(
			string("A CEL expression (as a transition condition) or a plain-language text matched by meaning"),
			"When to leave the scenario unfinished; it may be resumed later");

	private final AgentConfiguration configuration;

	private final AgentDocuments documents;

	public ConfigurationTools(AgentConfiguration configuration, AgentDocuments documents) {
		this.configuration = configuration;
		this.documents = documents;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(agentsList(), agentUpsert(), rulesSearch(), ruleUpsert(), ruleDelete(), scenariosList(),
				scenarioUpsert(), scenarioDelete(), agentExport(), agentImport());
	}

	private McpTool agentsList() {
		return new McpTool("agents_list", "List the agents of your tenant.", object().build(),
				object().required("agents", arrayOf(anyObject("id, name, description"), "The agents")).build(),
				Role.VIEWER, true, (ctx, args) -> {
					List<Map<String, Object>> agents = this.configuration.listAgents(ctx.tenant())
						.stream()
						.map((a) -> Map.<String, Object>of("id", a.id(), "name", a.name(), "description",
								a.description()))
						.toList();
					return new ToolReply(Map.of("agents", agents), agents.size() + " agent(s)");
				});
	}

	private McpTool agentUpsert() {
		return new McpTool("agent_upsert",
				"Create an agent, or update the agent with this name: description, persona (system prompt), settings.",
				object().required("name", string("Agent name, unique in the tenant"))
					.property("description", string("What the agent is for"))
					.property("persona", string("The agent's system prompt"))
					.property("settings", anyObject("max_regenerations (0-5), fallback_text, and other settings"))
					.property("version", integer("The version you read, to refuse a concurrent edit"))
					.build(),
				object().required("agent", anyObject("The stored agent")).build(), Role.BUILDER, false, (ctx, args) -> {
					Agent agent = this.configuration.upsertAgent(ctx.tenant(), ctx.principal().actor(),
							WireFormat.agentDraft(args));
					return new ToolReply(Map.of("agent", WireFormat.agent(agent)),
							"Agent '" + agent.name() + "' stored (version " + agent.version() + ")");
				});
	}

	private McpTool rulesSearch() {
		return new McpTool("rules_search", "List an agent's rules by priority, or rank them by relevance to a query.",
				object().property("agent", AGENT_ARG)
					.property("query", string("Text to rank the rules by; omit to list all by priority"))
					.property("limit", integer("Page size, 1-500 (default 50)"))
					.property("cursor", string("The next_cursor of the previous page"))
					.build(),
				object().required("rules", arrayOf(anyObject("A rule, with score when ranked"), "The rules"))
					.required("next_cursor", nullable(string("Cursor of the next page, or null")))
					.build(),
				Role.VIEWER, true, (ctx, args) -> {
					String query = args.optionalString("query");
					Page<Scored<Rule>> page = this.configuration.searchRules(ctx.tenant(), ctx.agent(args), query,
							new PageRequest(args.integer("limit", 50), args.optionalString("cursor")));
					List<Map<String, Object>> rules = page.items().stream().map((scored) -> {
						Map<String, Object> rule = WireFormat.rule(scored.item());
						if (query != null && !query.isBlank()) {
							rule.put("score", Math.round(scored.score() * 10000) / 10000.0);
						}
						return rule;
					}).toList();
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("rules", rules);
					result.put("next_cursor", page.nextCursor());
					return new ToolReply(result, rules.size() + " rule(s)");
				});
	}

	private McpTool ruleUpsert() {
		Map<String, Object> rule = object().property("id", string("Id of the rule to update; omit to create"))
			.required("name", string("Unique name among the agent's rules"))
			.required("condition", string("When the rule applies, in natural language"))
			.required("action", string("What the agent should do"))
			.property("scope", Schemas.enumeration("Where it applies (default global)", "global", "scenario", "step"))
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
			.property("version", integer("The version you read, to refuse a concurrent edit"))
			.build();
		return new McpTool("rule_upsert",
				"Create or update a rule of an agent. Returns the stored rule with id and version.",
				object().property("agent", AGENT_ARG).required("rule", rule).build(),
				object().required("rule", anyObject("The stored rule")).build(), Role.BUILDER, false, (ctx, args) -> {
					Rule stored = this.configuration.upsertRule(ctx.tenant(), ctx.principal().actor(), ctx.agent(args),
							WireFormat.ruleDraft(args.object("rule")));
					return new ToolReply(Map.of("rule", WireFormat.rule(stored)), "Rule '" + stored.name()
							+ "' stored (id " + stored.id() + ", version " + stored.version() + ")");
				});
	}

	private McpTool ruleDelete() {
		return new McpTool("rule_delete", "Delete a rule (soft delete: kept for audit).",
				object().property("agent", AGENT_ARG).required("id", string("The rule id")).build(),
				object().required("deleted", bool("Whether a live rule was deleted")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					boolean deleted = this.configuration.deleteRule(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), args.string("id"));
					return new ToolReply(Map.of("deleted", deleted), deleted ? "Rule deleted" : "No such live rule");
				});
	}

	private McpTool scenariosList() {
		return new McpTool("scenarios_list", "List an agent's scenarios with their steps.",
				object().property("agent", AGENT_ARG).build(),
				object().required("scenarios", arrayOf(anyObject("A scenario"), "The scenarios")).build(), Role.VIEWER,
				true, (ctx, args) -> {
					List<Map<String, Object>> scenarios = this.configuration
						.listScenarios(ctx.tenant(), ctx.agent(args))
						.stream()
						.map(WireFormat::scenario)
						.toList();
					return new ToolReply(Map.of("scenarios", scenarios), scenarios.size() + " scenario(s)");
				});
	}

	private McpTool scenarioUpsert() {
		Map<String, Object> step = object().required("id", string("Step id, unique in the scenario"))
			.property("name", string("Display name"))
			.property("instructions", string("What the agent does in this step"))
			.property("collects",
					arrayOf(anyObject("{name, description, pattern?, required?, personal?}"), "Fields collected"))
			.property("transitions", arrayOf(anyObject("{to, condition (CEL)?, when (text)?}"), "Ways out"))
			.property("terminal", bool("The scenario ends here"))
			.property("tools", arrayOf(string("Tool name"), "Tools this step runs"))
			.property("reachable_from_anywhere",
					bool("A conversation that turns out to be at this step may be relocalized here from any step"))
			.property("template",
					anyObject("{text, mode} as a rule's; the step's reply when no model or sampler is available"))
			.property("exit_conditions", EXIT_CONDITIONS)
			.build();
		Map<String, Object> scenario = object().property("id", string("Id of the scenario to update; omit to create"))
			.required("name", string("Unique name among the agent's scenarios"))
			.property("description", string("What the flow achieves"))
			.required("entry_condition", string("When to enter, in natural language"))
			.property("entry_step", string("Id of the first step (default: the first listed)"))
			.required("steps", arrayOf(step, "The steps"))
			.property("exit_conditions", EXIT_CONDITIONS)
			.property("enabled", bool("Default true"))
			.property("version", integer("The version you read, to refuse a concurrent edit"))
			.build();
		return new McpTool("scenario_upsert", "Create or update a scenario (a multi-step flow) of an agent.",
				object().property("agent", AGENT_ARG).required("scenario", scenario).build(),
				object().required("scenario", anyObject("The stored scenario")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					Scenario stored = this.configuration.upsertScenario(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), WireFormat.scenarioDraft(args.object("scenario")));
					return new ToolReply(Map.of("scenario", WireFormat.scenario(stored)), "Scenario '" + stored.name()
							+ "' stored (id " + stored.id() + ", version " + stored.version() + ")");
				});
	}

	private McpTool scenarioDelete() {
		return new McpTool("scenario_delete", "Delete a scenario (soft delete).",
				object().property("agent", AGENT_ARG).required("id", string("The scenario id or name")).build(),
				object().required("deleted", bool("Whether a live scenario was deleted")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					boolean deleted = this.configuration.deleteScenario(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), args.string("id"));
					return new ToolReply(Map.of("deleted", deleted),
							deleted ? "Scenario deleted" : "No such live scenario");
				});
	}

	private McpTool agentExport() {
		return new McpTool("agent_export",
				"Export an agent (rules, scenarios, templates, tool activations) as one YAML document.",
				object().property("agent", AGENT_ARG).build(),
				object().required("document", string("The YAML document")).build(), Role.VIEWER, true, (ctx, args) -> {
					String document = this.documents.write(this.configuration.export(ctx.tenant(), ctx.agent(args)));
					return new ToolReply(Map.of("document", document), document);
				});
	}

	private McpTool agentImport() {
		return new McpTool("agent_import",
				"Create or update the agent a YAML document describes. Everything is validated before anything is written.",
				object().required("document", string("A document as produced by agent_export")).build(),
				object().required("agent", anyObject("The stored agent")).build(), Role.BUILDER, false, (ctx, args) -> {
					Agent agent = this.configuration.importAgent(ctx.tenant(), ctx.principal().actor(),
							this.documents.read(args.string("document")));
					return new ToolReply(Map.of("agent", WireFormat.agent(agent)),
							"Agent '" + agent.name() + "' imported");
				});
	}

}
