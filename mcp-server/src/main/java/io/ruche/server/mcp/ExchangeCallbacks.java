package io.ruche.server.mcp;

import java.util.List;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.ruche.brain.ProgressListener;
import io.ruche.brain.ReplySampler;
import io.ruche.brain.port.ModelMessage;
import io.ruche.brain.port.ModelReply;
import io.ruche.brain.port.ModelUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brain's callbacks into the client of an MCP call: the client's model through
 * sampling, and progress notifications.
 */
final class ExchangeCallbacks {

	private static final Logger log = LoggerFactory.getLogger(ExchangeCallbacks.class);

	private ExchangeCallbacks() {
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

}
