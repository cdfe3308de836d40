package io.ruche.toolbox.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.port.ToolActivationStore;

/** In-memory activations. */
public final class InMemoryToolActivationStore implements ToolActivationStore {

	private final Map<String, ToolActivation> activations = new ConcurrentHashMap<>();

	@Override
	public void save(ToolActivation activation) {
		this.activations.put(activation.tenant().value() + "/" + activation.agentId() + "/" + activation.toolName(),
				activation);
	}

	@Override
	public List<ToolActivation> list(TenantId tenant, String agentId) {
		return this.activations.values()
			.stream()
			.filter((a) -> a.tenant().equals(tenant) && a.agentId().equals(agentId))
			.sorted(Comparator.comparing(ToolActivation::toolName))
			.toList();
	}

}
