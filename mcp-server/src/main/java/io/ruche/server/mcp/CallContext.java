package io.ruche.server.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Everything a tool handler knows about its call: who calls, which agent the session is
 * pinned to, and the MCP exchange (for sampling, elicitation and progress).
 *
 * @param principal the authenticated caller
 * @param pinnedAgent the agent the MCP session is pinned to, or null
 * @param exchange the MCP exchange of the call
 * @param progressToken the client's progress token, or null when it asked for no progress
 */
public record CallContext(Principal principal, @Nullable String pinnedAgent, McpSyncServerExchange exchange,
		@Nullable Object progressToken) {

	public TenantId tenant() {
		return this.principal.tenant();
	}

	/**
	 * The agent a call works on: the {@code agent} argument, else the session's pinned
	 * agent.
	 * @param args the call's arguments
	 * @return the agent id or name
	 */
	public String agent(Args args) {
		String agent = args.optionalString("agent");
		if (agent != null && !agent.isBlank()) {
			return agent;
		}
		if (this.pinnedAgent != null) {
			return this.pinnedAgent;
		}
		throw new IllegalArgumentException(
				"argument 'agent' is required (an agent name or id), or pin the MCP session with ?agent=NAME");
	}

}
