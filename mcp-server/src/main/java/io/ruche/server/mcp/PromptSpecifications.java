package io.ruche.server.mcp;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.brain.model.Agent;
import io.ruche.brain.model.Rule;
import io.ruche.brain.model.RuleScope;
import io.ruche.brain.model.Scenario;
import io.ruche.brain.model.ScenarioStep;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The prompts {@code agent_persona} and {@code scenario_brief}, and the completion of
 * agent and scenario names for them and for the resource templates.
 */
public final class PromptSpecifications {

	private static final int MAX_COMPLETIONS = 100;

	private final AgentConfiguration configuration;

	private final ToolSpecifications calls;

	public PromptSpecifications(AgentConfiguration configuration, ToolSpecifications calls) {
		this.configuration = configuration;
		this.calls = calls;
	}

	public List<SyncPromptSpecification> prompts() {
		PromptArgument agent = new PromptArgument("agent", null, "Agent name or id", true);
		PromptArgument scenario = new PromptArgument("scenario", null, "Scenario name or id", true);
		McpSchema.Prompt persona = new McpSchema.Prompt("agent_persona", null,
				"The agent's system prompt with its global rules summarised", List.of(agent), null, null);
		McpSchema.Prompt brief = new McpSchema.Prompt("scenario_brief", null,
				"A scenario's steps as instructions to follow", List.of(agent, scenario), null, null);
		return List.of(new SyncPromptSpecification(persona, this::persona),
				new SyncPromptSpecification(brief, this::brief));
	}

	private GetPromptResult persona(McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
		TenantId tenant = tenant(exchange);
		Agent agent = agent(tenant, argument(request, "agent"));
		List<Rule> globalRules = this.configuration.searchRules(tenant, agent.id(), null, PageRequest.first(200))
			.items()
			.stream()
			.map((s) -> s.item())
			.filter((r) -> r.enabled() && r.content().scope() == RuleScope.GLOBAL)
			.toList();
		StringBuilder text = new StringBuilder(
				agent.persona().isBlank() ? "You are " + agent.name() + "." : agent.persona());
		if (!globalRules.isEmpty()) {
			text.append("\n\nAlways follow these rules:\n");
			globalRules.forEach((r) -> text.append("- When ")
				.append(lowerFirst(r.content().condition()))
				.append(": ")
				.append(r.content().action())
				.append('\n'));
		}
		return new GetPromptResult("Persona of " + agent.name(), List.of(userMessage(text.toString().strip())), null);
	}

	private GetPromptResult brief(McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
		TenantId tenant = tenant(exchange);
		String agentRef = argument(request, "agent");
		Scenario scenario;
		try {
			scenario = this.configuration.scenario(tenant, agentRef, argument(request, "scenario"));
		}
		catch (UnknownObjectException ex) {
			throw invalidParams(ex.getMessage());
		}
		StringBuilder text = new StringBuilder("Scenario '").append(scenario.name())
			.append("': ")
			.append(scenario.description())
			.append("\nEnter it when ")
			.append(lowerFirst(scenario.entryCondition()))
			.append(".\n\nSteps:\n");
		int index = 1;
		for (ScenarioStep step : scenario.steps()) {
			text.append(index++).append(". ").append(step.name()).append(" (").append(step.id()).append(")");
			if (step.terminal()) {
				text.append(" [final]");
			}
			text.append(": ").append(step.instructions());
			if (!step.collects().isEmpty()) {
				text.append(" Collect: ")
					.append(step.collects().stream().map((f) -> f.name()).collect(Collectors.joining(", ")))
					.append('.');
			}
			text.append('\n');
		}
		return new GetPromptResult("Brief of scenario " + scenario.name(),
				List.of(userMessage(text.toString().strip())), null);
	}

	public List<SyncCompletionSpecification> completions() {
		return List.of(completion(new McpSchema.PromptReference("agent_persona")),
				completion(new McpSchema.PromptReference("scenario_brief")),
				completion(new McpSchema.ResourceReference("ruche://agents/{agent}")),
				completion(new McpSchema.ResourceReference("ruche://agents/{agent}/rules/{rule}")),
				completion(new McpSchema.ResourceReference("ruche://agents/{agent}/scenarios/{scenario}")));
	}

	private SyncCompletionSpecification completion(McpSchema.CompleteReference reference) {
		return new SyncCompletionSpecification(reference, (exchange, request) -> {
			TenantId tenant = tenant(exchange);
			String prefix = (request.argument().value() != null) ? request.argument().value() : "";
			List<String> candidates = switch (request.argument().name()) {
				case "agent" -> this.configuration.listAgents(tenant).stream().map(Agent::name).toList();
				case "scenario" -> scenarioNames(tenant, contextAgent(request));
				default -> List.of();
			};
			List<String> matches = candidates.stream()
				.filter((c) -> c.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
				.sorted()
				.toList();
			List<String> page = matches.subList(0, Math.min(MAX_COMPLETIONS, matches.size()));
			return new CompleteResult(new CompleteCompletion(page, matches.size(), matches.size() > page.size()), null);
		});
	}

	private List<String> scenarioNames(TenantId tenant, @Nullable String agent) {
		if (agent == null) {
			return List.of();
		}
		try {
			return this.configuration.listScenarios(tenant, agent).stream().map(Scenario::name).toList();
		}
		catch (UnknownObjectException ex) {
			return List.of();
		}
	}

	private static @Nullable String contextAgent(McpSchema.CompleteRequest request) {
		if (request.context() == null || request.context().arguments() == null) {
			return null;
		}
		return request.context().arguments().get("agent");
	}

	private Agent agent(TenantId tenant, String reference) {
		try {
			return this.configuration.agent(tenant, reference);
		}
		catch (UnknownObjectException ex) {
			throw invalidParams(ex.getMessage());
		}
	}

	private TenantId tenant(McpSyncServerExchange exchange) {
		CallContext context = this.calls.context(exchange, null);
		context.principal().require(Role.VIEWER, "prompts and completions");
		return context.tenant();
	}

	private static String argument(McpSchema.GetPromptRequest request, String name) {
		Object value = (request.arguments() != null) ? request.arguments().get(name) : null;
		if (!(value instanceof String text) || text.isBlank()) {
			throw invalidParams("argument '" + name + "' is required");
		}
		return text;
	}

	private static McpError invalidParams(String message) {
		return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
	}

	private static PromptMessage userMessage(String text) {
		return new PromptMessage(McpSchema.Role.USER, McpSchema.TextContent.builder(text).build());
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

}
