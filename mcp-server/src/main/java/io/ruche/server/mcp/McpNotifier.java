package io.ruche.server.mcp;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns configuration changes (from any instance) into MCP notifications: the resource
 * list changed, the agent's resources were updated (for subscribers of
 * {@code ruche://agents/{agent}} by id or name), and, for tool changes, the tools of
 * sessions pinned to the agent.
 */
public final class McpNotifier {

	private static final Logger log = LoggerFactory.getLogger(McpNotifier.class);

	private final Supplier<Collection<McpSyncServer>> servers;

	private final AgentConfiguration configuration;

	private final ToolRefresher toolRefresher;

	public McpNotifier(Supplier<Collection<McpSyncServer>> servers, AgentConfiguration configuration,
			ToolRefresher toolRefresher) {
		this.servers = servers;
		this.configuration = configuration;
		this.toolRefresher = toolRefresher;
	}

	public void onChange(ConfigurationChanged change) {
		try {
			if ("tool".equals(change.kind())) {
				this.toolRefresher.refresh(change);
			}
			List<String> uris = agentUris(change);
			for (McpSyncServer server : this.servers.get()) {
				server.notifyResourcesListChanged();
				for (String uri : uris) {
					server.notifyResourcesUpdated(new ResourcesUpdatedNotification(uri, null));
				}
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
	 * Refreshes the tools of sessions pinned to agents after a tool change.
	 */
	@FunctionalInterface
	public interface ToolRefresher {

		void refresh(ConfigurationChanged change);

	}

}
