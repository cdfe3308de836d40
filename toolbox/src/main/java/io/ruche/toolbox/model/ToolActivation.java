package io.ruche.toolbox.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;

/**
 * Whether a tool is enabled for one agent.
 *
 * @param tenant the owning tenant
 * @param agentId the agent
 * @param toolName the tool
 * @param enabled whether the agent may use the tool
 * @param updatedAt when the activation last changed
 */
public record ToolActivation(TenantId tenant, String agentId, String toolName, boolean enabled, Instant updatedAt) {
}
