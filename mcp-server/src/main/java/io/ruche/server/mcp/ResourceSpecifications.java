package io.ruche.server.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.wire.AgentDocuments;
import io.ruche.server.wire.AgentJson;
import io.ruche.server.wire.InvalidArgumentsException;
import io.ruche.server.wire.RuleJson;
import io.ruche.server.wire.ScenarioJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resources and resource templates of the MCP contract for agents, rules and
 * scenarios. Further templates (sessions, traces, tools) are contributed by
 * {@link ResourceContributor}s.
 */
public final class ResourceSpecifications {

	private static final Pattern AGENT = Pattern.compile("ruche://agents/([^/]+)");

	private static final Pattern RULE = Pattern.compile("ruche://agents/([^/]+)/rules/([^/]+)");

	private static final Pattern SCENARIO = Pattern.compile("ruche://agents/([^/]+)/scenarios/([^/]+)");

	private final AgentConfiguration configuration;

	private final AgentDocuments documents;

	private final ToolSpecifications calls;

	private final JsonMapper json;

	public ResourceSpecifications(AgentConfiguration configuration, AgentDocuments documents, ToolSpecifications calls,
			JsonMapper json) {
		this.configuration = configuration;
		this.documents = documents;
		this.calls = calls;
		this.json = json;
	}

	public List<SyncResourceSpecification> resources() {
		McpSchema.Resource agents = McpSchema.Resource.builder("ruche://agents", "agents")
			.description("The agents of your tenant")
			.mimeType("application/json")
			.build();
		return List.of(new SyncResourceSpecification(agents, (exchange, request) -> {
			TenantId tenant = tenant(exchange);
			var list = this.configuration.listAgents(tenant).stream().map(AgentJson::write).toList();
			return json(request.uri(), Map.of("agents", list));
		}));
	}

	public List<SyncResourceTemplateSpecification> templates(List<ResourceContributor> contributors) {
		List<SyncResourceTemplateSpecification> templates = new ArrayList<>();
		templates.add(template("ruche://agents/{agent}", "agent",
				"An agent's whole configuration (the export document)", "application/yaml", (exchange, uri) -> {
					Matcher m = match(AGENT, uri);
					String yaml = this.documents.write(this.configuration.export(tenant(exchange), m.group(1)));
					return text(uri, "application/yaml", yaml);
				}));
		templates.add(template("ruche://agents/{agent}/rules/{rule}", "rule", "One rule of an agent",
				"application/json", (exchange, uri) -> {
					Matcher m = match(RULE, uri);
					return json(uri, RuleJson.write(this.configuration.rule(tenant(exchange), m.group(1), m.group(2))));
				}));
		templates.add(template("ruche://agents/{agent}/scenarios/{scenario}", "scenario",
				"One scenario of an agent, with its steps", "application/json", (exchange, uri) -> {
					Matcher m = match(SCENARIO, uri);
					return json(uri,
							ScenarioJson.write(this.configuration.scenario(tenant(exchange), m.group(1), m.group(2))));
				}));
		for (ResourceContributor contributor : contributors) {
			templates.add(template(contributor.uriTemplate(), contributor.name(), contributor.description(),
					"application/json", (exchange, uri) -> json(uri,
							contributor.read(this.calls.context(exchange, null).principal(), uri))));
		}
		return templates;
	}

	private SyncResourceTemplateSpecification template(String uriTemplate, String name, String description,
			String mimeType, BiFunction<McpSyncServerExchange, String, ReadResourceResult> reader) {
		McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(uriTemplate, name)
			.description(description)
			.mimeType(mimeType)
			.build();
		return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
			try {
				return reader.apply(exchange, request.uri());
			}
			catch (UnknownObjectException | InvalidArgumentsException ex) {
				throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
					.message("Resource not found: " + request.uri() + " (" + ex.getMessage() + ")")
					.data(Map.of("uri", request.uri()))
					.build();
			}
		});
	}

	private TenantId tenant(McpSyncServerExchange exchange) {
		CallContext context = this.calls.context(exchange, null);
		context.principal().require(Role.VIEWER, "reading resources");
		return context.tenant();
	}

	private static Matcher match(Pattern pattern, String uri) {
		Matcher matcher = pattern.matcher(uri);
		if (!matcher.matches()) {
			throw new InvalidArgumentsException("malformed URI");
		}
		return matcher;
	}

	private ReadResourceResult json(String uri, Object value) {
		return text(uri, "application/json", this.json.writeValueAsString(value));
	}

	private static ReadResourceResult text(String uri, String mimeType, String text) {
		return new ReadResourceResult(List.of(TextResourceContents.builder(uri, text).mimeType(mimeType).build()),
				null);
	}

	/**
	 * A resource template contributed by another feature (sessions, traces, tools).
	 */
	public interface ResourceContributor {

		String uriTemplate();

		String name();

		String description();

		/**
		 * Reads a resource.
		 * @param principal the caller
		 * @param uri the concrete URI
		 * @return the JSON value of the resource
		 * @throws UnknownObjectException when it does not exist
		 */
		Object read(io.ruche.server.security.Principal principal, String uri);

	}

}
