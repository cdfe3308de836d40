package io.ruche.server.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.ruche.brain.port.ToolConfirmation;
import io.ruche.toolbox.sandbox.ConfirmationCallback;
import org.jspecify.annotations.Nullable;

/**
 * Confirms tool calls with the person behind the MCP client, through a form elicitation
 * ({@code elicitation/create}) with one boolean field {@code confirm}. The call runs only
 * when the person accepts with {@code confirm: true} (or accepts a form whose content
 * omits it). Used for {@code tool_invoke} and for the tools a {@code converse} turn runs.
 */
public final class ElicitationConfirmation implements ConfirmationCallback, ToolConfirmation {

	private static final Map<String, Object> SCHEMA = Map.of("type", "object", "properties", Map.of("confirm", Map
		.of("type", "boolean", "title", "Run the tool", "description", "Allow this call to run", "default", true)),
			"required", List.of("confirm"));

	private final McpSyncServerExchange exchange;

	private ElicitationConfirmation(McpSyncServerExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * The callback for a call's exchange, or null when the client cannot be asked (then
	 * the runner refuses tools that require confirmation).
	 * @param exchange the exchange of the call
	 * @return the callback, or null
	 */
	public static @Nullable ElicitationConfirmation forExchange(McpSyncServerExchange exchange) {
		return canAsk(exchange) ? new ElicitationConfirmation(exchange) : null;
	}

	/**
	 * Tells whether the client declared the elicitation capability (form mode).
	 * @param exchange the exchange of the call
	 * @return true when it can be asked
	 */
	public static boolean canAsk(McpSyncServerExchange exchange) {
		McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
		return capabilities != null && capabilities.elicitation() != null;
	}

	@Override
	public boolean confirm(String tool, Map<String, Object> arguments, String prompt) {
		return confirm(new ConfirmationRequest(tool, arguments, prompt));
	}

	@Override
	public boolean confirm(ConfirmationRequest request) {
		ElicitResult answer = this.exchange.createElicitation(
				ElicitFormRequest.builder(request.prompt() + " Arguments: " + request.arguments(), SCHEMA).build());
		if (answer.action() != ElicitResult.Action.ACCEPT) {
			return false;
		}
		Object confirm = (answer.content() != null) ? answer.content().get("confirm") : null;
		return confirm == null || Boolean.TRUE.equals(confirm);
	}

}
