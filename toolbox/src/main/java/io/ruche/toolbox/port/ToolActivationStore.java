package io.ruche.toolbox.port;

import java.util.List;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolActivation;

/**
 * Stores which tools each agent may use. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ToolActivationStore {

	/**
	 * Enables or disables a tool for an agent; setting the same value twice is harmless.
	 * @param activation the activation
	 */
	void save(ToolActivation activation);

	/**
	 * Lists an agent's activations (enabled and disabled), by tool name.
	 * @param tenant the tenant
	 * @param agentId the agent
	 * @return the activations, never null
	 */
	List<ToolActivation> list(TenantId tenant, String agentId);

}
