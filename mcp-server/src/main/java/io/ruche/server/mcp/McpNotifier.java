package io.ruche.server.mcp;

import java.util.List;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns configuration changes (from any instance) into MCP notifications for the sessions
 * of the tenant that changed, and of no other: the resource list changed, the agent's
 * resources were updated (for subscribers of {@code ruche://agents/{agent}} by id or
 * name), and, for tool changes, the tools of sessions pinned to the tenant's agents.
 */
public final class McpNotifier {

	private static final Logger log = LoggerFactory.getLogger(McpNotifier.class);

	private final TenantSessions sessions;

	private final AgentConfiguration configuration;

	private final ToolRefresher toolRefresher;

	public McpNotifier(TenantSessions sessions, AgentConfiguration configuration, ToolRefresher toolRefresher) {
		this.sessions = sessions;
		this.configuration = configuration;
		this.toolRefresher = toolRefresher;
	}

	public void onChange(ConfigurationChanged change) {
		try {
			if ("tool".equals(change.kind())) {
				this.toolRefresher.refresh(change);
			}
			this.sessions.resourcesListChanged(change.tenant());
			for (String uri : agentUris(change)) {
				this.sessions.resourceUpdated(change.tenant(), uri);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not notify MCP clients of {}: {}", change, ex.getMessage());
		}
	}

	// Subscribers may have used the agent's id or its name in the URI.
	private List<String> agentUris(ConfigurationChanged change) {
		if ("*".equals(change.agentId())) {
			return List.of();
		}
		String byId = "ruche://agents/" + change.agentId();
		try {
			return List.of(byId,
					"ruche://agents/" + this.configuration.agent(change.tenant(), change.agentId()).name());
		}
		catch (UnknownObjectException ex) {
			return List.of(byId);
		}
	}

	/**
	 * The MCP sessions of one tenant, as a transport reaches them.
	 */
	public interface TenantSessions {

		/**
		 * Sends {@code notifications/resources/list_changed} to the tenant's sessions.
		 * @param tenant the tenant
		 */
		void resourcesListChanged(TenantId tenant);

		/**
		 * Sends {@code notifications/resources/updated} to the tenant's sessions
		 * subscribed to a resource.
		 * @param tenant the tenant
		 * @param uri the resource
		 */
		void resourceUpdated(TenantId tenant, String uri);

	}

	/**
	 * Refreshes the tools of sessions pinned to agents after a tool change.
	 */
	@FunctionalInterface
	public interface ToolRefresher {

		void refresh(ConfigurationChanged change);

	}

}
