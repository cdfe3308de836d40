package io.ruche.server.mcp;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.ruche.kernel.model.TenantId;

/**
 * The Toolbox tools an agent has enabled, as MCP tool specifications for sessions pinned
 * to that agent.
 */
public interface AgentTools {

	/**
	 * Returns the specifications of an agent's enabled tools.
	 * @param tenant the tenant
	 * @param agent the agent name or id
	 * @return the specifications; empty when the agent is unknown
	 */
	List<SyncToolSpecification> specifications(TenantId tenant, String agent);

}
