package io.ruche.server.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.AgentDrafts;
import io.ruche.brain.configuration.AgentVersions;
import io.ruche.server.mcp.ConfigurationTools;
import io.ruche.server.mcp.McpServerFactory;
import io.ruche.server.mcp.McpToolGroup;
import io.ruche.server.mcp.PromptSpecifications;
import io.ruche.server.mcp.ResourceSpecifications;
import io.ruche.server.mcp.ResourceSpecifications.ResourceContributor;
import io.ruche.server.mcp.ToolSpecifications;
import io.ruche.server.mcp.VersionTools;
import io.ruche.server.security.StdioIdentity;
import io.ruche.server.wire.AgentDocuments;
import io.ruche.toolbox.port.SchemaValidator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the MCP specifications (tools, resources, prompts, completions) once and the
 * factory of servers that share them, for every transport.
 */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

	@Bean
	McpJsonMapper mcpJsonMapper(JsonMapper jsonMapper) {
		// The transport serialises McpError objects into HTTP error bodies: without this
		// mix-in they would carry
		// the server's stack trace.
		return new JacksonMcpJsonMapper(jsonMapper.rebuild().addMixIn(Throwable.class, ThrowableMixin.class).build());
	}

	@JsonIgnoreProperties({ "stackTrace", "cause", "suppressed", "localizedMessage", "message" })
	abstract static class ThrowableMixin {

	}

	@Bean
	StdioIdentity stdioIdentity() {
		return new StdioIdentity();
	}

	@Bean
	ToolSpecifications toolSpecifications(StdioIdentity stdio) {
		return new ToolSpecifications((transport) -> stdio.principal());
	}

	@Bean
	VersionTools versionTools(AgentVersions versions) {
		return new VersionTools(versions);
	}

	@Bean
	ConfigurationTools configurationTools(AgentConfiguration configuration, AgentDocuments documents,
			AgentDrafts drafts) {
		return new ConfigurationTools(configuration, documents, drafts);
	}

	@Bean
	McpServerFactory mcpServerFactory(McpJsonMapper mcpJsonMapper, JsonMapper jsonMapper, List<McpToolGroup> toolGroups,
			List<ResourceContributor> resourceContributors, AgentConfiguration configuration, AgentDocuments documents,
			ToolSpecifications calls, ObjectProvider<BuildProperties> build, SchemaValidator schemas) {
		List<SyncToolSpecification> tools = toolGroups.stream()
			.flatMap((group) -> group.tools().stream())
			.map(calls::specification)
			.toList();
		ResourceSpecifications resources = new ResourceSpecifications(configuration, documents, calls, jsonMapper);
		PromptSpecifications prompts = new PromptSpecifications(configuration, calls);
		return new McpServerFactory(mcpJsonMapper, serverVersion(build), tools, resources.resources(),
				resources.templates(resourceContributors), prompts.prompts(), prompts.completions(), schemas);
	}

	/**
	 * The version the server reports: the build's, or "dev" when run without build info.
	 */
	static String serverVersion(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : null;
		return (version != null) ? version : "dev";
	}

}
