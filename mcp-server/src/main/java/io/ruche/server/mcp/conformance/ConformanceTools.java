package io.ruche.server.mcp.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/**
 * The conformance suite's tools: content types, logging, progress, errors, sampling and
 * elicitation (including the SEP-1034 defaults and SEP-1330 enum schemas).
 */
final class ConformanceTools {

	private static final Map<String, Object> NO_ARGUMENTS = Map.of("type", "object", "properties", Map.of());

	private ConformanceTools() {
	}

	static List<SyncToolSpecification> all() {
		return List.of(
				tool("test_simple_text", "Returns a simple text response", NO_ARGUMENTS,
						(exchange, request) -> text("This is a simple text response for testing.")),
				tool("test_image_content", "Returns an image", NO_ARGUMENTS,
						(exchange, request) -> result(ImageContent.builder(Media.PNG, Media.PNG_TYPE).build())),
				tool("test_audio_content", "Returns an audio clip", NO_ARGUMENTS,
						(exchange, request) -> result(AudioContent.builder(Media.WAV, Media.WAV_TYPE).build())),
				tool("test_embedded_resource", "Returns an embedded resource", NO_ARGUMENTS,
						(exchange, request) -> result(embeddedResource())),
				tool("test_multiple_content_types", "Returns text, an image and an embedded resource", NO_ARGUMENTS,
						(exchange, request) -> result(TextContent.builder("Multiple content types test:").build(),
								ImageContent.builder(Media.PNG, Media.PNG_TYPE).build(), mixedContentResource())),
				tool("test_tool_with_logging", "Sends log messages while it runs", NO_ARGUMENTS,
						ConformanceTools::withLogging),
				tool("test_error_handling", "Always fails, as a tool result with isError", NO_ARGUMENTS,
						(exchange, request) -> CallToolResult.builder()
							.addTextContent("This tool intentionally returns an error for testing")
							.isError(true)
							.build()),
				tool("test_tool_with_progress", "Reports progress while it runs", NO_ARGUMENTS,
						ConformanceTools::withProgress),
				tool("test_sampling", "Asks the client's model to answer a prompt",
						stringArgument("prompt", "The prompt to send to the client's model"),
						ConformanceTools::sampling),
				tool("test_elicitation", "Asks the user for a username and an email address",
						stringArgument("message", "The message to show the user"), ConformanceTools::elicitation),
				tool("test_elicitation_sep1034_defaults", "Asks the user to review a form whose fields have defaults",
						NO_ARGUMENTS,
						(exchange, request) -> elicit(exchange,
								"Please review and update the form fields with defaults",
								ElicitationSchemas.withDefaults(), "Elicitation completed")),
				tool("test_elicitation_sep1330_enums", "Asks the user to pick from each kind of enum field",
						NO_ARGUMENTS,
						(exchange, request) -> elicit(exchange, "Please select options from the enum fields",
								ElicitationSchemas.enums(), "Elicitation completed")));
	}

	private static SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
		return SyncToolSpecification.builder()
			.tool(Tool.builder(name, inputSchema).description(description).build())
			.callHandler(handler)
			.build();
	}

	private static Map<String, Object> stringArgument(String name, String description) {
		return Map.of("type", "object", "properties",
				Map.of(name, Map.of("type", "string", "description", description)), "required", List.of(name));
	}

	private static CallToolResult withLogging(McpSyncServerExchange exchange, CallToolRequest request) {
		for (String message : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
			exchange.loggingNotification(
					LoggingMessageNotification.builder(LoggingLevel.INFO, message).logger("conformance").build());
		}
		return text("Tool with logging executed successfully");
	}

	private static CallToolResult withProgress(McpSyncServerExchange exchange, CallToolRequest request) {
		Object token = request.progressToken();
		if (token != null) {
			for (int step = 0; step <= 100; step += 50) {
				exchange.progressNotification(ProgressNotification.builder(token, step)
					.total(100.0)
					.message("Completed step " + step + " of 100")
					.build());
			}
		}
		return text("Tool with progress executed successfully");
	}

	private static CallToolResult sampling(McpSyncServerExchange exchange, CallToolRequest request) {
		if (exchange.getClientCapabilities() == null || exchange.getClientCapabilities().sampling() == null) {
			return error("The client does not support sampling.");
		}
		CreateMessageResult response = exchange.createMessage(CreateMessageRequest.builder(List
			.of(SamplingMessage.builder(Role.USER, TextContent.builder(argument(request, "prompt")).build()).build()),
				100)
			.build());
		String answer = (response.content() instanceof TextContent t) ? t.text() : String.valueOf(response.content());
		return text("LLM response: " + answer);
	}

	private static CallToolResult elicitation(McpSyncServerExchange exchange, CallToolRequest request) {
		return elicit(exchange, argument(request, "message"), ElicitationSchemas.userInformation(), "User response");
	}

	private static CallToolResult elicit(McpSyncServerExchange exchange, String message,
			Map<String, Object> requestedSchema, String label) {
		if (exchange.getClientCapabilities() == null || exchange.getClientCapabilities().elicitation() == null) {
			return error("The client does not support elicitation.");
		}
		ElicitResult answer = exchange.createElicitation(ElicitFormRequest.builder(message, requestedSchema).build());
		return text(label + ": action=" + answer.action().name().toLowerCase(Locale.ROOT) + ", content="
				+ answer.content());
	}

	private static String argument(CallToolRequest request, String name) {
		Map<String, Object> arguments = (request.arguments() != null) ? request.arguments() : Map.of();
		Object value = arguments.get(name);
		return (value != null) ? value.toString() : "";
	}

	private static EmbeddedResource embeddedResource() {
		return EmbeddedResource
			.builder(TextResourceContents.builder("test://embedded-resource", "This is an embedded resource content.")
				.mimeType("text/plain")
				.build())
			.build();
	}

	private static EmbeddedResource mixedContentResource() {
		return EmbeddedResource
			.builder(TextResourceContents.builder("test://mixed-content-resource", "{\"test\":\"data\",\"value\":123}")
				.mimeType("application/json")
				.build())
			.build();
	}

	private static CallToolResult text(String text) {
		return CallToolResult.builder().addTextContent(text).build();
	}

	private static CallToolResult result(Content... content) {
		return CallToolResult.builder().content(List.of(content)).build();
	}

	private static CallToolResult error(String message) {
		return CallToolResult.builder().addTextContent(message).isError(true).build();
	}

}
