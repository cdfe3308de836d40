package io.ruche.server.mcp.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;

/**
 * The conformance suite's resources: a text, a binary and a watched (subscribable)
 * resource, and one template. Subscriptions themselves are handled by the SDK.
 */
final class ConformanceResources {

	static final String TEMPLATE = "test://template/{id}/data";

	private final McpJsonMapper jsonMapper;

	private final McpUriTemplateManager template = new DefaultMcpUriTemplateManagerFactory().create(TEMPLATE);

	ConformanceResources(McpJsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	List<SyncResourceSpecification> resources() {
		return List.of(
				text("test://static-text", "static-text", "A static text resource",
						"This is the content of the static text resource."),
				resource(
						Resource.builder("test://static-binary", "static-binary")
							.description("A static binary resource (a PNG image)")
							.mimeType(Media.PNG_TYPE)
							.build(),
						BlobResourceContents.builder("test://static-binary", Media.PNG)
							.mimeType(Media.PNG_TYPE)
							.build()),
				text("test://watched-resource", "watched-resource", "A resource clients may subscribe to",
						"This is a watched resource content."));
	}

	List<SyncResourceTemplateSpecification> templates() {
		return List.of(new SyncResourceTemplateSpecification(ResourceTemplate.builder(TEMPLATE, "template")
			.description("A resource template with an id parameter")
			.mimeType("application/json")
			.build(), (exchange, request) -> readTemplate(request)));
	}

	private ReadResourceResult readTemplate(ReadResourceRequest request) {
		String id = this.template.extractVariableValues(request.uri()).get("id");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", id);
		data.put("templateTest", true);
		data.put("data", "Data for ID: " + id);
		return ReadResourceResult
			.builder(List
				.of(TextResourceContents.builder(request.uri(), json(data)).mimeType("application/json").build()))
			.build();
	}

	private String json(Object value) {
		try {
			return this.jsonMapper.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SyncResourceSpecification text(String uri, String name, String description, String text) {
		return resource(Resource.builder(uri, name).description(description).mimeType("text/plain").build(),
				TextResourceContents.builder(uri, text).mimeType("text/plain").build());
	}

	private static SyncResourceSpecification resource(Resource resource, ResourceContents contents) {
		return new SyncResourceSpecification(resource,
				(exchange, request) -> ReadResourceResult.builder(List.of(contents)).build());
	}

}
