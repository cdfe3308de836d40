package io.ruche.server.wire;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code agent} argument, resolved in one place: the argument, else the agent the MCP
 * session is pinned to, else none (a conversation then takes its session's agent).
 */
public final class AgentArgument {

	/** The schema of the argument on configuration and Toolbox tools. */
	public static final Map<String, Object> SCHEMA = Schemas
		.string("Agent name or id (optional when the session is pinned with ?agent=)");

	/**
	 * The schema of the argument on conversation tools, where a session names its agent.
	 */
	public static final Map<String, Object> SCHEMA_OR_SESSION = Schemas
		.string("Agent name or id (optional when the session is pinned with ?agent= or a session is given)");

	private AgentArgument() {
	}

	/**
	 * Which agent a call works on, when it may work on none.
	 * @param args the call's arguments
	 * @param pinned the agent the MCP session is pinned to, or null
	 * @return the agent name or id, or null
	 */
	public static @Nullable String optional(Args args, @Nullable String pinned) {
		String agent = args.optionalString("agent");
		if (agent != null && !agent.isBlank()) {
			return agent;
		}
		return pinned;
	}

	/**
	 * Which agent a call works on, when it needs one.
	 * @param args the call's arguments
	 * @param pinned the agent the MCP session is pinned to, or null
	 * @return the agent name or id
	 * @throws InvalidArgumentsException when there is none
	 */
	public static String required(Args args, @Nullable String pinned) {
		String agent = optional(args, pinned);
		if (agent == null) {
			throw new InvalidArgumentsException(
					"argument 'agent' is required (an agent name or id), or pin the MCP session with ?agent=NAME");
		}
		return agent;
	}

	/**
	 * Which agent a conversation turn works on: as {@link #required}, except that a turn
	 * in an existing session may leave it to the session.
	 * @param args the call's arguments
	 * @param pinned the agent the MCP session is pinned to, or null
	 * @param session the conversation session, or null to start one
	 * @return the agent name or id, or null for the session's own agent
	 */
	public static @Nullable String forTurn(Args args, @Nullable String pinned, @Nullable String session) {
		return (session != null && !session.isBlank()) ? optional(args, pinned) : required(args, pinned);
	}

}
