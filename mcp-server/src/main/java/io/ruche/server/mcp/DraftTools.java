package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.TurnPipeline;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.PublishOutcome;
import io.ruche.brain.replay.ReplayReport;
import io.ruche.brain.replay.ReplayRequest;
import io.ruche.kernel.model.Role;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.DraftJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.VersionJson;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.bool;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * Safe change of an agent's configuration: its draft, the replay of recorded
 * conversations against a candidate, and the publish of the draft.
 */
public final class DraftTools implements McpToolGroup {

	private final AgentDrafts drafts;

	private final TurnPipeline pipeline;

	public DraftTools(AgentDrafts drafts, TurnPipeline pipeline) {
		this.drafts = drafts;
		this.pipeline = pipeline;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(agentDraft(), agentDraftDiscard(), agentReplay(), agentPublish());
	}

	private McpTool agentDraft() {
		return new McpTool("agent_draft",
				"Read the draft of an agent's configuration (edits made with draft: true, not live yet) and what "
						+ "it changes from the live configuration.",
				object().property("agent", AgentArgument.SCHEMA).build(),
				object().required("draft", nullable(DraftJson.DOCUMENT_SCHEMA))
					.required("diff", nullable(VersionJson.DIFF_SCHEMA))
					.build(),
				Role.VIEWER, true, (ctx, args) -> {
					String agent = ctx.agent(args);
					Map<String, Object> result = new LinkedHashMap<>();
					var draft = this.drafts.draft(ctx.tenant(), agent);
					result.put("draft", draft.map(DraftJson::writeWithDocument).orElse(null));
					result.put("diff",
							draft.isPresent() ? VersionJson.write(this.drafts.diff(ctx.tenant(), agent)) : null);
					return new ToolReply(result,
							draft.map((d) -> "Draft at revision " + d.revision() + ", from version " + d.baseVersion())
								.orElse("The agent has no draft"));
				});
	}

	private McpTool agentDraftDiscard() {
		return new McpTool("agent_draft_discard", "Drop the draft of an agent's configuration; the live one stays.",
				object().property("agent", AgentArgument.SCHEMA).build(),
				object().required("discarded", bool("Whether there was a draft")).build(), Role.BUILDER, false,
				(ctx, args) -> {
					boolean discarded = this.drafts.discard(ctx.tenant(), ctx.principal().actor(), ctx.agent(args));
					return new ToolReply(Map.of("discarded", discarded),
							discarded ? "Draft discarded" : "The agent had no draft");
				});
	}

	private McpTool agentReplay() {
		return new McpTool("agent_replay",
				"Replay recorded conversations of an agent on its live configuration and on a candidate (its draft "
						+ "or a version), in a sandbox: nothing is written, no model is called, no tool runs. "
						+ "Reports per turn the kept rules, scenario and step, reply mode, deterministic reply and "
						+ "constraint verdicts, and what changed. Without sessions or last_turns: the agent's "
						+ "golden sessions, else its latest 20 turns.",
				object().property("agent", AgentArgument.SCHEMA)
					.required("version", DraftJson.VERSION_ARGUMENT)
					.property("sessions", arrayOf(string("Session id"), "The sessions to replay, all their turns"))
					.property("last_turns", integer("Report the agent's latest N recorded turns (1-500)"))
					.build(),
				DraftJson.REPLAY_SCHEMA, Role.BUILDER, true, (ctx, args) -> {
					String version = DraftJson.version(args);
					if (version == null) {
						throw new InvalidArgumentsException("argument 'version' is required: \"draft\" or a number");
					}
					Integer lastTurns = args.has("last_turns") ? args.integer("last_turns", 0) : null;
					ReplayRequest request = InvalidArgumentsException
						.reading(() -> new ReplayRequest(ctx.tenant(), ctx.agent(args), version,
								args.has("sessions") ? args.strings("sessions") : List.of(), lastTurns));
					ReplayReport report = this.pipeline.replay(request);
					return new ToolReply(DraftJson.write(report),
							report.turns() + " turn(s) replayed, " + report.changed() + " changed");
				});
	}

	private McpTool agentPublish() {
		return new McpTool("agent_publish",
				"Publish an agent's draft: the agent becomes what the draft describes, as one new version, on every "
						+ "instance. Refused when another version was published since the draft began, when the "
						+ "draft is not at the revision given, or when the agent's golden sessions would change.",
				object().property("agent", AgentArgument.SCHEMA)
					.property("revision", integer("The draft revision you reviewed; refused if it moved on"))
					.build(),
				object().property("version", VersionJson.SCHEMA).property("replay", DraftJson.REPLAY_SCHEMA).build(),
				Role.BUILDER, false, (ctx, args) -> {
					Long revision = args.has("revision") ? (long) args.integer("revision", 0) : null;
					return switch (this.drafts.publish(ctx.tenant(), ctx.principal().actor(), ctx.agent(args),
							revision)) {
						case PublishOutcome.Published published ->
							new ToolReply(Map.of("version", VersionJson.write(published.version())),
									"Draft published as version " + published.version().number());
						case PublishOutcome.Refused refused ->
							ToolReply.failed(Map.of("replay", DraftJson.write(refused.report())),
									"Publish refused: " + refused.report().changed()
											+ " turn(s) of the golden sessions would change; see replay");
					};
				});
	}

}
