package io.ruche.brain.port;

import java.util.List;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;

/**
 * What the brain needs to know of the Toolbox's per-agent activations, for export and
 * import (and so rollback) of an agent.
 */
public interface ToolActivations {

	/** A directory with no tools at all, for deployments without a Toolbox. */
	ToolActivations NONE = new ToolActivations() {

		@Override
		public List<String> enabledTools(TenantId tenant, String agentId) {
			return List.of();
		}

		@Override
		public boolean exists(TenantId tenant, String toolName) {
			return false;
		}

		@Override
		public void enable(TenantId tenant, Actor actor, String agentId, String toolName) {
			throw new IllegalStateException("no Toolbox is configured");
		}

		@Override
		public void disable(TenantId tenant, Actor actor, String agentId, String toolName) {
			throw new IllegalStateException("no Toolbox is configured");
		}

	};

	/**
	 * Lists the names of the tools enabled for an agent.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the tool names, sorted
	 */
	List<String> enabledTools(TenantId tenant, String agentId);

	/**
	 * Tells whether the tenant's catalog has a tool.
	 * @param tenant the tenant
	 * @param toolName the tool
	 * @return true when the tool is registered
	 */
	boolean exists(TenantId tenant, String toolName);

	/**
	 * Enables a registered tool for an agent. Idempotent.
	 * @param tenant the tenant
	 * @param actor who enables it, for the audit
	 * @param agentId the agent
	 * @param toolName the tool
	 */
	void enable(TenantId tenant, Actor actor, String agentId, String toolName);

	/**
	 * Disables a tool for an agent, so that a restored version has exactly its tools.
	 * Idempotent.
	 * @param tenant the tenant
	 * @param actor who disables it, for the audit
	 * @param agentId the agent
	 * @param toolName the tool
	 */
	void disable(TenantId tenant, Actor actor, String agentId, String toolName);

}
