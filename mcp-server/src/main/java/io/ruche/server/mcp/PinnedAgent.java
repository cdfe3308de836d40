package io.ruche.server.mcp;

import io.ruche.kernel.model.TenantId;

/**
 * A tenant's agent that MCP sessions are pinned to; it has an MCP server of its own.
 *
 * @param tenant the tenant
 * @param agentId the agent's id (whether the client pinned it by name or by id)
 */
public record PinnedAgent(TenantId tenant, String agentId) {
}
