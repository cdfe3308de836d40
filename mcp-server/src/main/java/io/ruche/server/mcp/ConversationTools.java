package io.ruche.server.mcp;

import java.util.List;

import io.ruche.brain.ConverseRequest;
import io.ruche.brain.ConverseResult;
import io.ruche.brain.EnforceRequest;
import io.ruche.brain.EnforceResult;
import io.ruche.brain.GuidanceRequest;
import io.ruche.brain.GuidanceResult;
import io.ruche.brain.TurnOutcome;
import io.ruche.brain.TurnPipeline;
import io.ruche.brain.enforce.Violation;
import io.ruche.brain.model.Session;
import io.ruche.kernel.model.Role;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.ConverseJson;
import io.ruche.server.wire.DraftJson;
import io.ruche.server.wire.EnforceJson;
import io.ruche.server.wire.GuidanceJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.SessionJson;
import org.jspecify.annotations.Nullable;

/**
 * The conversation tools of the MCP contract: {@code converse}, {@code guidance} and
 * {@code enforce}. Their JSON is in {@code io.ruche.server.wire}; an expected failure of
 * a turn becomes a tool error through {@link TurnFailures}.
 */
public final class ConversationTools implements McpToolGroup {

	private final TurnPipeline pipeline;

	private final boolean modelConfigured;

	/**
	 * @param pipeline the turn pipeline
	 * @param modelConfigured whether a model provider is configured (for error messages)
	 */
	public ConversationTools(TurnPipeline pipeline, boolean modelConfigured) {
		this.pipeline = pipeline;
		this.modelConfigured = modelConfigured;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(converse(), guidance(), enforce(), close());
	}

	private McpTool converse() {
		return new McpTool("converse",
				"Send a message to an agent and get its governed reply (rules, scenario, constraints applied). "
						+ "Omit 'session' to start a new conversation; pass the returned session to continue it.",
				ConverseJson.INPUT, ConverseJson.SCHEMA, Role.CLIENT, false, (ctx, args) -> {
					String session = blankToNull(args.optionalString("session"));
					ConverseRequest request = InvalidArgumentsException.reading(() -> new ConverseRequest(ctx.tenant(),
							ctx.principal().actor(), ctx.agentForTurn(args, session), args.string("message"), session,
							blankToNull(args.optionalString("interlocutor")),
							blankToNull(args.optionalString("channel")), ExchangeCallbacks.sampler(ctx.exchange()),
							ExchangeCallbacks.progress(ctx))
						.withConfirmation(ElicitationConfirmation.forExchange(ctx.exchange()))
						.withMessageId(ConverseJson.messageId(args))
						.withVersion(DraftJson.version(args)));
					return switch (this.pipeline.converse(request)) {
						case TurnOutcome.Completed<ConverseResult> done ->
							new ToolReply(ConverseJson.write(done.result()), done.result().response());
						case TurnOutcome.Failure<ConverseResult> failure ->
							TurnFailures.toolError(failure, this.modelConfigured, request.sampler() != null);
					};
				});
	}

	private McpTool guidance() {
		return new McpTool("guidance",
				"Record a message and advance the scenario as converse does, but generate nothing: returns "
						+ "instructions, constraints and an optional template for your own model. "
						+ "Check the draft with enforce (commit: true records it).",
				GuidanceJson.INPUT, GuidanceJson.SCHEMA, Role.CLIENT, false, (ctx, args) -> {
					String session = blankToNull(args.optionalString("session"));
					GuidanceRequest request = InvalidArgumentsException.reading(() -> new GuidanceRequest(ctx.tenant(),
							ctx.principal().actor(), ctx.agentForTurn(args, session), args.string("message"), session,
							blankToNull(args.optionalString("interlocutor")), ExchangeCallbacks.progress(ctx),
							ConverseJson.messageId(args), DraftJson.version(args)));
					return switch (this.pipeline.guidance(request)) {
						case TurnOutcome.Completed<GuidanceResult> done -> {
							GuidanceResult result = done.result();
							yield new ToolReply(GuidanceJson.write(result),
									"Guidance for turn " + result.turn() + " of session " + result.session() + " ("
											+ result.constraints().size() + " constraint(s))");
						}
						case TurnOutcome.Failure<GuidanceResult> failure ->
							TurnFailures.toolError(failure, this.modelConfigured, false);
					};
				});
	}

	private McpTool enforce() {
		return new McpTool("enforce",
				"Check a draft reply against the agent's constraints (global, and the session's active scenario "
						+ "and step). With commit: true, a passing draft is recorded as the reply.",
				EnforceJson.INPUT, EnforceJson.SCHEMA, Role.CLIENT, false, (ctx, args) -> {
					String session = blankToNull(args.optionalString("session"));
					EnforceRequest request = InvalidArgumentsException.reading(() -> new EnforceRequest(ctx.tenant(),
							ctx.principal().actor(), ctx.agentForTurn(args, session), args.string("draft"), session,
							args.bool("commit", false)));
					return switch (this.pipeline.enforce(request)) {
						case TurnOutcome.Completed<EnforceResult> done ->
							new ToolReply(EnforceJson.write(done.result()), summary(done.result()));
						case TurnOutcome.Failure<EnforceResult> failure ->
							TurnFailures.toolError(failure, this.modelConfigured, false);
					};
				});
	}

	private McpTool close() {
		return new McpTool("session_close",
				"Close a session: it takes no more turns (start a new one by omitting 'session'; the same "
						+ "'interlocutor' keeps their profile). Closing a closed session changes nothing.",
				SessionJson.INPUT, SessionJson.CLOSED_SCHEMA, Role.CLIENT, false, (ctx, args) -> {
					String session = args.string("session");
					return switch (this.pipeline.close(ctx.tenant(), ctx.principal().actor(), session)) {
						case TurnOutcome.Completed<Session> done ->
							new ToolReply(SessionJson.closed(done.result()), "Session " + session + " is closed");
						case TurnOutcome.Failure<Session> failure ->
							TurnFailures.toolError(failure, this.modelConfigured, false);
					};
				});
	}

	private static String summary(EnforceResult result) {
		return result.passed() ? "The draft passes" + (result.committed() ? " and was recorded" : "")
				: "The draft breaks " + result.violations().size() + " constraint(s): "
						+ String.join("; ", result.violations().stream().map(Violation::message).toList());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
