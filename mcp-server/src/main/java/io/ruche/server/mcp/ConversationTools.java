package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.EnforceRequest;
import io.ruche.brain.EnforceResult;
import io.ruche.brain.GuidanceRequest;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.ProgressListener;
import io.ruche.brain.ReplySampler;
import io.ruche.brain.ScenarioPosition;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.model.TurnRecord.MatchedRule;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelUnavailableException;
import io.ruche.kernel.model.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.ruche.server.mcp.Schemas.anyObject;
import static io.ruche.server.mcp.Schemas.arrayOf;
import static io.ruche.server.mcp.Schemas.bool;
import static io.ruche.server.mcp.Schemas.enumeration;
import static io.ruche.server.mcp.Schemas.integer;
import static io.ruche.server.mcp.Schemas.nullable;
import static io.ruche.server.mcp.Schemas.number;
import static io.ruche.server.mcp.Schemas.object;
import static io.ruche.server.mcp.Schemas.string;

/**
 * The conversation and inspection tools of the MCP contract: {@code converse},
 * {@code guidance}, {@code enforce}, {@code session_get} and {@code trace_get}.
 */
public final class ConversationTools implements McpToolGroup {

	private static final Logger log = LoggerFactory.getLogger(ConversationTools.class);

	private static final Map<String, Object> AGENT_ARG = string(
			"Agent name or id (optional when the session is pinned with ?agent= or a session is given)");

	private static final Map<String, Object> MATCHED_RULES = arrayOf(object().required("id", string("Rule id"))
		.required("name", string("Rule name"))
		.required("score", number("Retrieval score"))
		.build(), "The rules kept for the turn, best first");

	private static final Map<String, Object> SCENARIO = nullable(object().required("id", string("Scenario id"))
		.required("name", string("Scenario name"))
		.required("step", string("Active step id"))
		.build());

	private static final Map<String, Object> VIOLATIONS = arrayOf(object().required("rule", string("Rule name"))
		.required("expression", string("The broken CEL expression or instruction"))
		.required("message", string("Why it is broken"))
		.property("rule_id", string("Rule id"))
		.build(), "Broken constraints");

	private final TurnPipeline pipeline;

	private final SessionViews views;

	private final boolean modelConfigured;

	/**
	 * @param pipeline the turn pipeline
	 * @param views reads sessions and traces
	 * @param modelConfigured whether a model provider is configured (for error messages)
	 */
	public ConversationTools(TurnPipeline pipeline, SessionViews views, boolean modelConfigured) {
		this.pipeline = pipeline;
		this.views = views;
		this.modelConfigured = modelConfigured;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(converse(), guidance(), enforce(), sessionGet(), traceGet());
	}

	private McpTool converse() {
		Map<String, Object> input = object().required("message", string("The interlocutor's message"))
			.property("agent", AGENT_ARG)
			.property("session", string("Session id; omit to start a new session"))
			.property("interlocutor", string("Interlocutor id; omit for a new anonymous interlocutor"))
			.property("channel", string("Channel name (default mcp)"))
			.build();
		Map<String, Object> output = object().required("session", string("Session id"))
			.required("turn", integer("1-based turn number"))
			.required("response", string("The agent's reply"))
			.required("mode", enumeration("How the reply was made", "llm", "sampling", "template", "fallback"))
			.required("matched_rules", MATCHED_RULES)
			.required("scenario", SCENARIO)
			.required("tool_calls", arrayOf(
					object().required("tool", string("Tool name")).required("status", string("Outcome")).build(),
					"Tools run during the turn"))
			.required("enforcement",
					object().required("passed", bool("Whether the reply passed without fallback"))
						.required("violations", VIOLATIONS)
						.required("regenerations", integer("Regenerations made"))
						.build())
			.required("trace", string("Trace id, readable with trace_get"))
			.build();
		return new McpTool("converse",
				"Send a message to an agent and get its governed reply (rules, scenario, constraints applied). "
						+ "Omit 'session' to start a new conversation; pass the returned session to continue it.",
				input, output, Role.CLIENT, false, (ctx, args) -> {
					String session = args.optionalString("session");
					ConverseRequest request = new ConverseRequest(ctx.tenant(), ctx.principal().actor(),
							agent(ctx, args, session), args.string("message"), blankToNull(session),
							blankToNull(args.optionalString("interlocutor")),
							blankToNull(args.optionalString("channel")), sampler(ctx.exchange()), progress(ctx))
						.withConfirmation(ElicitationConfirmation.forExchange(ctx.exchange()));
					ConverseResult result = completed(this.pipeline.converse(request), request.sampler() != null);
					return new ToolReply(converseResult(result), result.response());
				});
	}

	private McpTool guidance() {
		Map<String, Object> input = object().required("message", string("The interlocutor's message"))
			.property("agent", AGENT_ARG)
			.property("session", string("Session id; omit to start a new session"))
			.property("interlocutor", string("Interlocutor id; omit for a new anonymous interlocutor"))
			.build();
		Map<String, Object> output = object().required("session", string("Session id"))
			.required("turn", integer("1-based turn number"))
			.required("matched_rules", MATCHED_RULES)
			.required("scenario", SCENARIO)
			.required("instructions", string("Instructions for your model"))
			.required("constraints",
					arrayOf(object().required("rule", string("Rule name"))
						.required("expression", string("CEL expression"))
						.build(), "Constraints your reply must satisfy"))
			.required("template", nullable(string("A matched template, rendered, or null")))
			.required("suggested_tools", arrayOf(string("Tool name"), "Tools the rules and step suggest"))
			.required("trace", string("Trace id, readable with trace_get"))
			.build();
		return new McpTool("guidance",
				"Record a message and advance the scenario as converse does, but generate nothing: returns "
						+ "instructions, constraints and an optional template for your own model. "
						+ "Check the draft with enforce (commit: true records it).",
				input, output, Role.CLIENT, false, (ctx, args) -> {
					String session = args.optionalString("session");
					GuidanceRequest request = new GuidanceRequest(ctx.tenant(), ctx.principal().actor(),
							agent(ctx, args, session), args.string("message"), blankToNull(session),
							blankToNull(args.optionalString("interlocutor")), progress(ctx));
					GuidanceResult result = completed(this.pipeline.guidance(request), false);
					Map<String, Object> map = new LinkedHashMap<>();
					map.put("session", result.session());
					map.put("turn", result.turn());
					map.put("matched_rules", matchedRules(result.matchedRules()));
					map.put("scenario", scenario(result.scenario()));
					map.put("instructions", result.instructions());
					map.put("constraints",
							result.constraints()
								.stream()
								.map((c) -> Map.<String, Object>of("rule", c.rule(), "expression", c.expression()))
								.toList());
					map.put("template", result.template());
					map.put("suggested_tools", result.suggestedTools());
					map.put("trace", result.trace());
					return new ToolReply(map, "Guidance for turn " + result.turn() + " of session " + result.session()
							+ " (" + result.constraints().size() + " constraint(s))");
				});
	}

	private McpTool enforce() {
		Map<String, Object> input = object().required("draft", string("The draft reply to check"))
			.property("agent", AGENT_ARG)
			.property("session", string("Session id; omit to check against the agent's global constraints only"))
			.property("commit", bool("Record a passing draft as the agent's reply of the session's last turn"))
			.build();
		Map<String, Object> output = object().required("passed", bool("Whether the draft satisfies every constraint"))
			.required("violations", VIOLATIONS)
			.required("committed", bool("Whether the draft was recorded as the reply"))
			.build();
		return new McpTool("enforce",
				"Check a draft reply against the agent's constraints (global, and the session's active scenario "
						+ "and step). With commit: true, a passing draft is recorded as the reply.",
				input, output, Role.CLIENT, false, (ctx, args) -> {
					String session = blankToNull(args.optionalString("session"));
					EnforceRequest request = new EnforceRequest(ctx.tenant(), ctx.principal().actor(),
							agent(ctx, args, session), args.string("draft"), session, args.bool("commit", false));
					EnforceResult result = completed(this.pipeline.enforce(request), false);
					Map<String, Object> map = new LinkedHashMap<>();
					map.put("passed", result.passed());
					map.put("violations", violations(result.violations()));
					map.put("committed", result.committed());
					String text = result.passed() ? "The draft passes" + (result.committed() ? " and was recorded" : "")
							: "The draft breaks " + result.violations().size() + " constraint(s): "
									+ String.join("; ", result.violations().stream().map(Violation::message).toList());
					return new ToolReply(map, text);
				});
	}

	private McpTool sessionGet() {
		Map<String, Object> input = object().required("session", string("Session id")).build();
		Map<String, Object> output = object().required("id", string("Session id"))
			.required("agent",
					object().required("id", string("Agent id"))
						.required("name", nullable(string("Agent name")))
						.build())
			.required("interlocutor", string("Interlocutor id"))
			.required("channel", string("Channel"))
			.required("status", enumeration("Lifecycle status", "active", "closed"))
			.required("turns", arrayOf(object().required("turn", integer("1-based turn number"))
				.required("message", string("What the interlocutor said"))
				.required("response", nullable(string("The agent's reply, or null for guidance not yet committed")))
				.required("mode", string("How the reply was made"))
				.property("matched_rules", MATCHED_RULES)
				.property("scenario", nullable(string("Active scenario id after the turn")))
				.property("step", nullable(string("Active step id after the turn")))
				.property("tool_calls", arrayOf(anyObject("tool, status"), "Tools run"))
				.property("trace", string("Trace id"))
				.property("at", string("When the turn finished"))
				.build(), "The turns, oldest first"))
			.required("scenario",
					nullable(object().required("id", string("Scenario id"))
						.required("name", nullable(string("Scenario name")))
						.required("step", string("Active step id"))
						.build()))
			.required("variables", anyObject("Collected fields by name"))
			.property("abandoned_scenarios",
					arrayOf(anyObject("{id, name, step, fields, turn, reason}: left unfinished, resumable"),
							"Scenarios left before their end, most recent first"))
			.property("created_at", string("When the session started"))
			.property("updated_at", string("When the session last changed"))
			.build();
		return new McpTool("session_get",
				"Read a conversation session: agent, interlocutor, status, turns (messages and replies), "
						+ "active scenario and step, collected variables, scenarios left unfinished.",
				input, output, Role.VIEWER, true, (ctx, args) -> {
					Map<String, Object> session = this.views.session(ctx.tenant(), args.string("session"));
					List<?> turns = (List<?>) Objects.requireNonNull(session.get("turns"));
					return new ToolReply(session, "Session " + session.get("id") + ": " + turns.size() + " turn(s)");
				});
	}

	private McpTool traceGet() {
		Map<String, Object> input = object().required("trace", string("Trace id (from converse or guidance)")).build();
		Map<String, Object> output = object().required("id", string("Trace id"))
			.required("session", string("Session id"))
			.required("turn", integer("Turn number"))
			.required("phases",
					arrayOf(object().required("name", string("Phase name"))
						.required("duration_ms", number("Duration in milliseconds"))
						.required("status", enumeration("Outcome", "ok", "skipped", "failed"))
						.required("decisions", anyObject("What the phase decided"))
						.build(), "The phases, in the order they ran"))
			.property("at", string("When the turn finished"))
			.build();
		return new McpTool("trace_get",
				"Read the trace of a turn: every phase in order with its duration and decisions "
						+ "(rules matched, scenario moves, generation source, enforcement).",
				input, output, Role.VIEWER, true, (ctx, args) -> {
					Map<String, Object> trace = this.views.trace(ctx.tenant(), args.string("trace"));
					List<?> phases = (List<?>) Objects.requireNonNull(trace.get("phases"));
					return new ToolReply(trace, "Trace " + trace.get("id") + ": " + phases.size() + " phase(s)");
				});
	}

	private static @Nullable String agent(CallContext ctx, Args args, @Nullable String session) {
		String agent = blankToNull(args.optionalString("agent"));
		if (agent != null) {
			return agent;
		}
		if (ctx.pinnedAgent() != null) {
			return ctx.pinnedAgent();
		}
		if (session != null && !session.isBlank()) {
			return null;
		}
		return ctx.agent(args);
	}

	private <T> T completed(TurnOutcome<T> outcome, boolean sampling) {
		return switch (outcome) {
			case TurnOutcome.Completed<T> done -> done.result();
			case TurnOutcome.UnknownAgent<T> unknown -> throw new ToolFailure(capitalize(unknown.message()) + ".");
			case TurnOutcome.UnknownSession<T> unknown ->
				throw new ToolFailure(capitalize(unknown.message()) + ": start a new one by omitting 'session'.");
			case TurnOutcome.SessionBusy<T> busy -> throw new ToolFailure(capitalize(busy.message()) + ".");
			case TurnOutcome.NoModelAvailable<T> none -> throw new ToolFailure(noModelMessage(sampling)
					+ " The turn is recorded in session " + none.session() + " (trace " + none.trace() + ").");
		};
	}

	private String noModelMessage(boolean sampling) {
		return noModelMessage(this.modelConfigured, sampling);
	}

	/**
	 * Why no reply could be made, and what to do about it.
	 * @param modelConfigured whether a model provider is configured
	 * @param sampling whether the client offered sampling
	 * @return the message
	 */
	public static String noModelMessage(boolean modelConfigured, boolean sampling) {
		if (!modelConfigured && !sampling) {
			return "No model is available: no model is configured and the client did not declare sampling, "
					+ "and no template applies. Configure a model provider (RUCHE_MODEL_*), connect with an MCP "
					+ "client that supports sampling, give a matching rule an exclusive or fallback template, "
					+ "or use guidance to answer with your own model.";
		}
		String source = modelConfigured
				? (sampling ? "the configured model and the client's sampling" : "the configured model")
				: "the client's sampling";
		return "No model is available: " + source
				+ " could not answer, and no template applies. Retry shortly, or give a matching rule a "
				+ "fallback template.";
	}

	/**
	 * A converse result as JSON, as {@code converse} answers it.
	 * @param result the result
	 * @return its JSON
	 */
	public static Map<String, Object> converseResult(ConverseResult result) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("session", result.session());
		map.put("turn", result.turn());
		map.put("response", result.response());
		map.put("mode", result.mode().wireName());
		map.put("matched_rules", matchedRules(result.matchedRules()));
		map.put("scenario", scenario(result.scenario()));
		map.put("tool_calls",
				result.toolCalls()
					.stream()
					.map((c) -> Map.<String, Object>of("tool", c.tool(), "status", c.status()))
					.toList());
		Map<String, Object> enforcement = new LinkedHashMap<>();
		enforcement.put("passed", result.enforcement().passed());
		enforcement.put("violations", violations(result.enforcement().violations()));
		enforcement.put("regenerations", result.enforcement().regenerations());
		map.put("enforcement", enforcement);
		map.put("trace", result.trace());
		return map;
	}

	static List<Map<String, Object>> matchedRules(List<MatchedRule> rules) {
		return rules.stream()
			.map((r) -> Map.<String, Object>of("id", r.id(), "name", r.name(), "score",
					Math.round(r.score() * 10000) / 10000.0))
			.toList();
	}

	static @Nullable Map<String, Object> scenario(@Nullable ScenarioPosition position) {
		if (position == null) {
			return null;
		}
		return Map.of("id", position.id(), "name", position.name(), "step", position.step());
	}

	static List<Map<String, Object>> violations(List<Violation> violations) {
		return violations.stream()
			.map((v) -> Map.<String, Object>of("rule", v.rule(), "rule_id", v.ruleId(), "expression", v.expression(),
					"message", v.message()))
			.toList();
	}

	/**
	 * A sampler backed by the client's model, when the client declared sampling.
	 * @param exchange the exchange of the call
	 * @return the sampler, or null
	 */
	static @Nullable ReplySampler sampler(McpSyncServerExchange exchange) {
		McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
		if (capabilities == null || capabilities.sampling() == null) {
			return null;
		}
		return (request) -> {
			List<SamplingMessage> messages = request.messages()
				.stream()
				.map((m) -> SamplingMessage.builder(role(m), TextContent.builder(m.content()).build()).build())
				.toList();
			CreateMessageResult result;
			try {
				result = exchange.createMessage(CreateMessageRequest.builder(messages, request.maxTokens())
					.systemPrompt(request.system())
					.temperature(request.temperature())
					.build());
			}
			catch (RuntimeException ex) {
				throw new ModelUnavailableException("the client's sampling failed: " + ex.getMessage(), ex);
			}
			if (result == null || !(result.content() instanceof TextContent text)) {
				throw new ModelUnavailableException("the client's sampling returned no text");
			}
			return new ModelReply(text.text(), 0, 0);
		};
	}

	private static McpSchema.Role role(ModelMessage message) {
		return "assistant".equals(message.role()) ? McpSchema.Role.ASSISTANT : McpSchema.Role.USER;
	}

	/**
	 * A listener that sends one progress notification per phase, when the client asked
	 * for progress.
	 * @param ctx the call context
	 * @return the listener, or null
	 */
	static @Nullable ProgressListener progress(CallContext ctx) {
		Object token = ctx.progressToken();
		if (token == null) {
			return null;
		}
		McpSyncServerExchange exchange = ctx.exchange();
		return (phase, index, total) -> {
			try {
				exchange.progressNotification(
						ProgressNotification.builder(token, index).total((double) total).message(phase).build());
			}
			catch (RuntimeException ex) {
				log.debug("Progress notification not sent: {}", ex.getMessage());
			}
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * An expected failure of a conversation tool, sent as a tool error with this message.
	 */
	public static final class ToolFailure extends RuntimeException {

		public ToolFailure(String message) {
			super(message, null, false, false);
		}

		// The constructor sets a message; it is the tool's reply text.
		@Override
		public String getMessage() {
			return Objects.requireNonNull(super.getMessage());
		}

	}

}
