package io.ruche.server.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.Principal;
import io.ruche.server.wire.AgentArgument;
import io.ruche.server.wire.Args;
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
		return AgentArgument.required(args, this.pinnedAgent);
	}

	/**
	 * The agent a call works on, if any: the {@code agent} argument, else the session's
	 * pinned agent, else null.
	 * @param args the call's arguments
	 * @return the agent id or name, or null
	 */
	public @Nullable String optionalAgent(Args args) {
		return AgentArgument.optional(args, this.pinnedAgent);
	}

	/**
	 * The agent of a conversation turn: as {@link #agent}, or null for the agent of the
	 * given conversation session.
	 * @param args the call's arguments
	 * @param session the conversation session, or null
	 * @return the agent id or name, or null
	 */
	public @Nullable String agentForTurn(Args args, @Nullable String session) {
		return AgentArgument.forTurn(args, this.pinnedAgent, session);
	}

}
