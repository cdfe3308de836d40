package io.ruche.server.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentDiff;
import io.ruche.brain.configuration.AgentVersions;
import io.ruche.brain.model.AgentVersion;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.Role;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.Paging;
import io.ruche.server.wire.VersionJson;

import static io.ruche.server.wire.Schemas.arrayOf;
import static io.ruche.server.wire.Schemas.integer;
import static io.ruche.server.wire.Schemas.nullable;
import static io.ruche.server.wire.Schemas.object;
import static io.ruche.server.wire.Schemas.string;

/**
 * The history of an agent's configuration: its versions, the diff between two, and the
 * rollback to an earlier one.
 */
public final class VersionTools implements McpToolGroup {

	private final AgentVersions versions;

	public VersionTools(AgentVersions versions) {
		this.versions = versions;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(agentVersions(), agentDiff(), agentRollback());
	}

	private McpTool agentVersions() {
		return new McpTool("agent_versions",
				"List the published versions of an agent's configuration, newest first: number, author, time, summary.",
				object().property("agent", AgentArgument.SCHEMA)
					.property("limit", integer("Page size, 1-500 (default 50)"))
					.property("cursor", string("The next_cursor of the previous page"))
					.build(),
				object().required("versions", arrayOf(VersionJson.SCHEMA, "The versions, newest first"))
					.required("next_cursor", nullable(string("Cursor of the next page, or null")))
					.build(),
				Role.VIEWER, true, (ctx, args) -> {
					Page<AgentVersion> page = this.versions.list(ctx.tenant(), ctx.agent(args),
							Paging.request(args.integer("limit", 50), args.optionalString("cursor")));
					List<Map<String, Object>> listed = page.items().stream().map(VersionJson::write).toList();
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("versions", listed);
					result.put("next_cursor", page.nextCursor());
					return new ToolReply(result, listed.isEmpty() ? "No version published yet"
							: "Latest version " + page.items().get(0).number());
				});
	}

	private McpTool agentDiff() {
		return new McpTool("agent_diff",
				"Compare two versions of an agent: the rules, scenarios and tools added, changed or removed, field by field.",
				object().property("agent", AgentArgument.SCHEMA)
					.required("from", integer("The earlier version"))
					.required("to", integer("The later version"))
					.build(),
				VersionJson.DIFF_SCHEMA, Role.VIEWER, true, (ctx, args) -> {
					AgentDiff diff = this.versions.diff(ctx.tenant(), ctx.agent(args), VersionJson.number(args, "from"),
							VersionJson.number(args, "to"));
					return new ToolReply(VersionJson.write(diff),
							diff.agent().size() + " agent field(s), " + diff.rules().size() + " rule(s), "
									+ diff.scenarios().size() + " scenario(s), " + diff.tools().size()
									+ " tool(s) changed");
				});
	}

	private McpTool agentRollback() {
		return new McpTool("agent_rollback",
				"Publish an earlier version of an agent again, as a new version: its rules, scenarios, settings and tools.",
				object().property("agent", AgentArgument.SCHEMA)
					.required("version", integer("The version to restore"))
					.build(),
				object().required("version", VersionJson.SCHEMA).build(), Role.BUILDER, false, (ctx, args) -> {
					long restored = VersionJson.number(args, "version");
					AgentVersion published = this.versions.rollback(ctx.tenant(), ctx.principal().actor(),
							ctx.agent(args), restored);
					return new ToolReply(Map.of("version", VersionJson.write(published)),
							"Version " + restored + " published again as version " + published.number());
				});
	}

}
