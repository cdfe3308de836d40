package io.ruche.server.toolbox;

import java.util.List;

import io.ruche.brain.port.ToolActivations;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.registry.ToolView;

/**
 * The brain's view of the Toolbox activations (agent export and import, rule tool
 * validation), over the tool registry.
 */
public final class ToolboxActivations implements ToolActivations {

	private final ToolRegistry registry;

	public ToolboxActivations(ToolRegistry registry) {
		this.registry = registry;
	}

	@Override
	public List<String> enabledTools(TenantId tenant, String agentId) {
		return this.registry.listEnabled(tenant, agentId).stream().map(ToolView::name).sorted().toList();
	}

	@Override
	public boolean exists(TenantId tenant, String toolName) {
		return this.registry.find(tenant, toolName).isPresent();
	}

	@Override
	public void enable(TenantId tenant, Actor actor, String agentId, String toolName) {
		if (!this.registry.enable(tenant, agentId, toolName, true, actor)) {
			throw new IllegalArgumentException("tool '" + toolName + "' is not registered");
		}
	}

	@Override
	public void disable(TenantId tenant, Actor actor, String agentId, String toolName) {
		this.registry.enable(tenant, agentId, toolName, false, actor);
	}

}
