package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Scored;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.AgentDocuments;
import io.ruche.server.wire.AgentJson;
import io.ruche.server.wire.Paging;
import io.ruche.server.wire.RuleJson;
import io.ruche.server.wire.ScenarioJson;

import static io.ruche.server.wire.Schemas.anyObject;
import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The configuration tools of the MCP contract: agents, rules, scenarios, export and
 * import.
 */
public final class ConfigurationTools implements McpToolGroup {

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
				object().required("agents", arrayOf(AgentJson.SUMMARY_SCHEMA, "The agents")).build(), Role.VIEWER, true,
				(ctx, args) -> {
					List<Map<String, Object>> agents = this.configuration.listAgents(ctx.tenant())
						.stream()
						.map(AgentJson::summary)
						.toList();
					return new ToolReply(Map.of("agents", agents), agents.size() + " agent(s)");
				});
	}

	private McpTool agentUpsert() {
		return new McpTool("agent_upsert",
				"Create an agent, or update the agent with this name: description, persona (system prompt), settings.",
				AgentJson.INPUT, object().required("agent", AgentJson.SCHEMA).build(), Role.BUILDER, false,
				(ctx, args) -> {
					Agent agent = this.configuration.upsertAgent(ctx.tenant(), ctx.principal().actor(),
							AgentJson.read(args));
					return new ToolReply(Map.of("agent", AgentJson.write(agent)),
							"Agent '" + agent.name() + "' stored (version " + agent.version() + ")");
				});
	}

	private McpTool rulesSearch() {
		return new McpTool("rules_search", "List an agent's rules by priority, or rank them by relevance to a query.",
				object().property("agent", AgentArgument.SCHEMA)
					.property("query", string("Text to rank the rules by; omit to list all by priority"))
					.property("limit", integer("Page size, 1-500 (default 50)"))
					.property("cursor", string("The next_cursor of the previous page"))
					.build(),
				object().required("rules", arrayOf(RuleJson.SCHEMA, "The rules, with score when ranked"))
					.required("next_cursor", nullable(string("Cursor of the next page, or null")))
					.build(),
				Role.VIEWER, true, (ctx, args) -> {
					String query = args.optionalString("query");
					Page<Scored<Rule>> page = this.configuration.searchRules(ctx.tenant(), ctx.agent(args), query,
							Paging.request(args.integer("limit", 50), args.optionalString("cursor")));
					boolean ranked = query != null && !query.isBlank();
					List<Map<String, Object>> rules = page.items()
						.stream()
						.map((scored) -> RuleJson.write(scored, ranked))
						.toList();
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("rules", rules);
					result.put("next_cursor", page.nextCursor());
					return new ToolReply(result, rules.size() + " rule(s)");
				});
	}

	private McpTool ruleUpsert() {
		return new McpTool("rule_upsert",
				"Create or update a rule of an agent. Returns the stored rule with id and version.",
				object().property("agent", AgentArgument.SCHEMA).required("rule", RuleJson.INPUT).build(),
				object().required("rule", RuleJson.SCHEMA).build(), Role.BUILDER, false, (ctx, args) -> {
					Rule stored = this.configuration.upsertRule(ctx.tenant(), ctx.principal().actor(), ctx.agent(args),
							RuleJson.read(args.object("rule")));
					return new ToolReply(Map.of("rule", RuleJson.write(stored)), "Rule '" + stored.name()
							+ "' stored (id " + stored.id() + ", version " + stored.version() + ")");
				});
	}

	private McpTool ruleDelete() {
		return new McpTool("rule_delete", "Delete a rule (soft delete: kept for audit).",
				object().property("agent", AgentArgument.SCHEMA).required("id", string("The rule id")).build(),
				object().required("deleted", bool("Whether a live rule was deleted")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					boolean deleted = this.configuration.deleteRule(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), args.string("id"));
					return new ToolReply(Map.of("deleted", deleted), deleted ? "Rule deleted" : "No such live rule");
				});
	}

	private McpTool scenariosList() {
		return new McpTool("scenarios_list", "List an agent's scenarios with their steps.",
				object().property("agent", AgentArgument.SCHEMA).build(),
				object().required("scenarios", arrayOf(ScenarioJson.SCHEMA, "The scenarios")).build(), Role.VIEWER,
				true, (ctx, args) -> {
					List<Map<String, Object>> scenarios = this.configuration
						.listScenarios(ctx.tenant(), ctx.agent(args))
						.stream()
						.map(ScenarioJson::write)
						.toList();
					return new ToolReply(Map.of("scenarios", scenarios), scenarios.size() + " scenario(s)");
				});
	}

	private McpTool scenarioUpsert() {
		return new McpTool("scenario_upsert", "Create or update a scenario (a multi-step flow) of an agent.",
				object().property("agent", AgentArgument.SCHEMA).required("scenario", ScenarioJson.INPUT).build(),
				object().required("scenario", ScenarioJson.SCHEMA).build(), Role.BUILDER, false, (ctx, args) -> {
					Scenario stored = this.configuration.upsertScenario(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), ScenarioJson.read(args.object("scenario")));
					return new ToolReply(Map.of("scenario", ScenarioJson.write(stored)), "Scenario '" + stored.name()
							+ "' stored (id " + stored.id() + ", version " + stored.version() + ")");
				});
	}

	private McpTool scenarioDelete() {
		return new McpTool("scenario_delete", "Delete a scenario (soft delete).",
				object().property("agent", AgentArgument.SCHEMA)
					.required("id", string("The scenario id or name"))
					.build(),
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
				object().property("agent", AgentArgument.SCHEMA).build(),
				object().required("document", string("The YAML document")).build(), Role.VIEWER, true, (ctx, args) -> {
					String document = this.documents.write(this.configuration.export(ctx.tenant(), ctx.agent(args)));
					return new ToolReply(Map.of("document", document), document);
				});
	}

	private McpTool agentImport() {
		return new McpTool("agent_import",
				"Create or update the agent a YAML document describes. Everything is validated before anything is written.",
				object().required("document", string("A document as produced by agent_export")).build(),
				object().required("agent", AgentJson.SCHEMA).build(), Role.BUILDER, false, (ctx, args) -> {
					Agent agent = this.configuration.importAgent(ctx.tenant(), ctx.principal().actor(),
							this.documents.read(args.string("document")));
					return new ToolReply(Map.of("agent", AgentJson.write(agent)),
							"Agent '" + agent.name() + "' imported");
				});
	}

}
