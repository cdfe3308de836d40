package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.DraftEdit;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.Scenario;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.Scored;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.AgentDocuments;
import io.ruche.server.wire.AgentJson;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.DraftJson;
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

	private final AgentDrafts drafts;

	public ConfigurationTools(AgentConfiguration configuration, AgentDocuments documents, AgentDrafts drafts) {
		this.configuration = configuration;
		this.documents = documents;
		this.drafts = drafts;
	}

	// The argument decides; without it, the agent's setting 'drafts'.
	private boolean toDraft(CallContext ctx, Args args, String agent) {
		Boolean draft = DraftJson.draft(args);
		return (draft != null) ? draft : this.drafts.byDefault(ctx.tenant(), agent);
	}

	private static Map<String, Object> drafted(String key, Map<String, Object> object, DraftEdit<?> edit) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put(key, object);
		result.put("draft", DraftJson.write(edit.draft()));
		return result;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(agentsList(), agentUpsert(), rulesSearch(), ruleUpsert(), ruleDelete(), scenariosList(),
				scenarioUpsert(), scenarioDelete(), agentExport(), agentImport());
	}

	private static Map<String, Object> withDraft(Map<String, Object> input) {
		@SuppressWarnings("unchecked")
		Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) input.get("properties"));
		properties.put("draft", DraftJson.DRAFT_ARGUMENT);
		Map<String, Object> schema = new LinkedHashMap<>(input);
		schema.put("properties", properties);
		return schema;
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
				withDraft(AgentJson.INPUT),
				object().required("agent", AgentJson.SCHEMA).property("draft", DraftJson.SCHEMA).build(), Role.BUILDER,
				false, (ctx, args) -> {
					if (Boolean.TRUE.equals(DraftJson.draft(args))) {
						DraftEdit<Agent> edit = this.drafts.upsertAgent(ctx.tenant(), ctx.principal().actor(),
								AgentJson.read(args));
						return new ToolReply(drafted("agent", AgentJson.write(edit.object()), edit),
								"Agent '" + edit.object().name() + "' changed in the draft (revision "
										+ edit.draft().revision() + ")");
					}
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
				object().property("agent", AgentArgument.SCHEMA)
					.required("rule", RuleJson.INPUT)
					.property("draft", DraftJson.DRAFT_ARGUMENT)
					.build(),
				object().required("rule", RuleJson.SCHEMA).property("draft", DraftJson.SCHEMA).build(), Role.BUILDER,
				false, (ctx, args) -> {
					String agent = ctx.agent(args);
					if (toDraft(ctx, args, agent)) {
						DraftEdit<Rule> edit = this.drafts.upsertRule(ctx.tenant(), ctx.principal().actor(), agent,
								RuleJson.read(args.object("rule")));
						return new ToolReply(drafted("rule", RuleJson.write(edit.object()), edit),
								"Rule '" + edit.object().name() + "' stored in the draft (revision "
										+ edit.draft().revision() + ")");
					}
					Rule stored = this.configuration.upsertRule(ctx.tenant(), ctx.principal().actor(), ctx.agent(args),
							RuleJson.read(args.object("rule")));
					return new ToolReply(Map.of("rule", RuleJson.write(stored)), "Rule '" + stored.name()
							+ "' stored (id " + stored.id() + ", version " + stored.version() + ")");
				});
	}

	private McpTool ruleDelete() {
		return new McpTool("rule_delete", "Delete a rule (soft delete: kept for audit).",
				object().property("agent", AgentArgument.SCHEMA)
					.required("id", string("The rule id"))
					.property("draft", DraftJson.DRAFT_ARGUMENT)
					.build(),
				object().required("deleted", bool("Whether a live rule (or the draft's) was deleted"))
					.property("draft", DraftJson.SCHEMA)
					.build(),
				Role.BUILDER, false, (ctx, args) -> {
					String agent = ctx.agent(args);
					if (toDraft(ctx, args, agent)) {
						DraftEdit<Boolean> edit = this.drafts.deleteRule(ctx.tenant(), ctx.principal().actor(), agent,
								args.string("id"));
						return new ToolReply(Map.of("deleted", edit.object(), "draft", DraftJson.write(edit.draft())),
								"Rule deleted from the draft");
					}
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
				object().property("agent", AgentArgument.SCHEMA)
					.required("scenario", ScenarioJson.INPUT)
					.property("draft", DraftJson.DRAFT_ARGUMENT)
					.build(),
				object().required("scenario", ScenarioJson.SCHEMA).property("draft", DraftJson.SCHEMA).build(),
				Role.BUILDER, false, (ctx, args) -> {
					String agent = ctx.agent(args);
					if (toDraft(ctx, args, agent)) {
						DraftEdit<Scenario> edit = this.drafts.upsertScenario(ctx.tenant(), ctx.principal().actor(),
								agent, ScenarioJson.read(args.object("scenario")));
						return new ToolReply(drafted("scenario", ScenarioJson.write(edit.object()), edit),
								"Scenario '" + edit.object().name() + "' stored in the draft (revision "
										+ edit.draft().revision() + ")");
					}
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
					.property("draft", DraftJson.DRAFT_ARGUMENT)
					.build(),
				object().required("deleted", bool("Whether a live scenario (or the draft's) was deleted"))
					.property("draft", DraftJson.SCHEMA)
					.build(),
				Role.BUILDER, false, (ctx, args) -> {
					String agent = ctx.agent(args);
					if (toDraft(ctx, args, agent)) {
						DraftEdit<Boolean> edit = this.drafts.deleteScenario(ctx.tenant(), ctx.principal().actor(),
								agent, args.string("id"));
						return new ToolReply(Map.of("deleted", edit.object(), "draft", DraftJson.write(edit.draft())),
								"Scenario deleted from the draft");
					}
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
