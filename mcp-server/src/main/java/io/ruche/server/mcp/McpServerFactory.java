package io.ruche.server.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.ruche.toolbox.port.SchemaValidator;

/**
 * Builds Ruche's MCP servers: every server shares the same tool, resource, prompt and
 * completion specifications, built once; a server for a session pinned to an agent adds
 * that agent's tools.
 */
public final class McpServerFactory {

	static final String INSTRUCTIONS = """
			Ruche governs conversational agents. Configure agents with agent_upsert, rule_upsert and \
			scenario_upsert; hold conversations with converse, or ask guidance and check your own draft with \
			enforce; discover tools with tools_search and run them with tool_invoke.""";

	private final McpJsonMapper jsonMapper;

	private final String version;

	private final List<SyncToolSpecification> tools;

	private final JsonSchemaValidator schemaValidator;

	private final Set<String> ownToolNames;

	private final List<SyncResourceSpecification> resources;

	private final List<SyncResourceTemplateSpecification> templates;

	private final List<SyncPromptSpecification> prompts;

	private final List<SyncCompletionSpecification> completions;

	public McpServerFactory(McpJsonMapper jsonMapper, String version, List<SyncToolSpecification> tools,
			List<SyncResourceSpecification> resources, List<SyncResourceTemplateSpecification> templates,
			List<SyncPromptSpecification> prompts, List<SyncCompletionSpecification> completions,
			SchemaValidator schemas) {
		this.jsonMapper = jsonMapper;
		this.version = version;
		this.tools = List.copyOf(tools);
		this.ownToolNames = this.tools.stream().map((s) -> s.tool().name()).collect(Collectors.toUnmodifiableSet());
		this.schemaValidator = new OwnToolSchemaValidator(new ToolboxJsonSchemaValidator(schemas, jsonMapper), schemas,
				this.tools.stream().map(SyncToolSpecification::tool).toList());
		this.resources = resources.stream().map(GuardedHandlers::resource).toList();
		this.templates = templates.stream().map(GuardedHandlers::template).toList();
		this.prompts = prompts.stream().map(GuardedHandlers::prompt).toList();
		this.completions = completions.stream().map(GuardedHandlers::completion).toList();
	}

	/**
	 * The names of Ruche's own tools, which a pinned agent's tools never replace.
	 * @return the names
	 */
	public Set<String> ownToolNames() {
		return this.ownToolNames;
	}

	/**
	 * Creates a server on a Streamable HTTP transport.
	 * @param transport the transport provider
	 * @param extraTools tools only this server offers (a pinned agent's Toolbox tools)
	 * @return the running server
	 */
	public McpSyncServer create(McpStreamableServerTransportProvider transport,
			List<SyncToolSpecification> extraTools) {
		return configure(McpServer.sync(transport), extraTools);
	}

	/**
	 * Creates a server on a single-session transport (stdio).
	 * @param transport the transport provider
	 * @return the running server
	 */
	public McpSyncServer create(McpServerTransportProvider transport) {
		return configure(McpServer.sync(transport), List.of());
	}

	private <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(S specification,
			List<SyncToolSpecification> extraTools) {
		List<SyncToolSpecification> all = new ArrayList<>(this.tools);
		Set<String> own = ownToolNames();
		extraTools.stream().filter((extra) -> !own.contains(extra.tool().name())).forEach(all::add);
		return specification.serverInfo("ruche", this.version)
			.instructions(INSTRUCTIONS)
			.jsonMapper(this.jsonMapper)
			.jsonSchemaValidator(this.schemaValidator)
			.capabilities(McpSchema.ServerCapabilities.builder()
				.tools(true)
				.resources(true, true)
				.prompts(true)
				.completions()
				.logging()
				.build())
			.requestTimeout(Duration.ofMinutes(5))
			.tools(all)
			.resources(this.resources)
			.resourceTemplates(this.templates)
			.prompts(this.prompts)
			.completions(this.completions)
			.immediateExecution(true)
			.build();
	}

}
