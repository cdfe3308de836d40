package io.ruche.server.mcp.conformance;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

/**
 * The conformance suite's prompts (simple, with arguments, with an embedded resource,
 * with an image) and the completion of {@code test_prompt_with_arguments}.
 */
final class ConformancePrompts {

	static final String WITH_ARGUMENTS = "test_prompt_with_arguments";

	private ConformancePrompts() {
	}

	static List<SyncPromptSpecification> all() {
		return List.of(
				prompt(Prompt.builder("test_simple_prompt").description("A simple prompt without arguments").build(),
						(exchange, request) -> messages(text("This is a simple prompt for testing."))),
				prompt(Prompt.builder(WITH_ARGUMENTS)
					.description("A prompt with required arguments")
					.arguments(
							List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")))
					.build(),
						(exchange,
								request) -> messages(text("Prompt with arguments: arg1='" + argument(request, "arg1")
										+ "', arg2='" + argument(request, "arg2") + "'"))),
				prompt(Prompt.builder("test_prompt_with_embedded_resource")
					.description("A prompt that embeds a resource")
					.arguments(List.of(argument("resourceUri", "URI of the resource to embed")))
					.build(),
						(exchange,
								request) -> messages(
										EmbeddedResource.builder(TextResourceContents
											.builder(argument(request, "resourceUri"),
													"Embedded resource content for testing.")
											.mimeType("text/plain")
											.build()).build(),
										text("Please process the embedded resource above."))),
				prompt(Prompt.builder("test_prompt_with_image").description("A prompt that includes an image").build(),
						(exchange, request) -> messages(ImageContent.builder(Media.PNG, Media.PNG_TYPE).build(),
								text("Please analyze the image above."))));
	}

	/**
	 * Completes the arguments of {@value #WITH_ARGUMENTS}: {@code arg1} and {@code arg2}
	 * suggest their test values when those start with what the client typed.
	 * @return the completion specifications
	 */
	static List<SyncCompletionSpecification> completions() {
		Map<String, String> suggestions = Map.of("arg1", "testValue1", "arg2", "testValue2");
		return List.of(new SyncCompletionSpecification(new PromptReference(WITH_ARGUMENTS), (exchange, request) -> {
			CompleteRequest.CompleteArgument typed = request.argument();
			String suggestion = suggestions.get(typed.name());
			String prefix = (typed.value() != null) ? typed.value() : "";
			List<String> values = (suggestion != null && suggestion.startsWith(prefix)) ? List.of(suggestion)
					: List.of();
			return new CompleteResult(new CompleteCompletion(values, values.size(), false));
		}));
	}

	private static SyncPromptSpecification prompt(Prompt prompt,
			BiFunction<McpSyncServerExchange, GetPromptRequest, GetPromptResult> handler) {
		return new SyncPromptSpecification(prompt, handler);
	}

	private static PromptArgument argument(String name, String description) {
		return PromptArgument.builder(name).description(description).required(true).build();
	}

	private static String argument(GetPromptRequest request, String name) {
		Map<String, Object> arguments = (request.arguments() != null) ? request.arguments() : Map.of();
		Object value = arguments.get(name);
		return (value != null) ? value.toString() : "";
	}

	private static TextContent text(String text) {
		return TextContent.builder(text).build();
	}

	private static GetPromptResult messages(Content... contents) {
		return GetPromptResult
			.builder(List.of(contents).stream().map((c) -> PromptMessage.builder(Role.USER, c).build()).toList())
			.build();
	}

}
