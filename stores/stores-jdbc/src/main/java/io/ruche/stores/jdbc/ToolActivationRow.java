package io.ruche.stores.jdbc;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolActivation;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code tool_activations}, one per agent and tool. */
@Table("tool_activations")
record ToolActivationRow(@Id Key key, boolean enabled, Instant updatedAt) {

	static ToolActivationRow of(ToolActivation activation) {
		return new ToolActivationRow(new Key(activation.tenant().value(), activation.agentId(), activation.toolName()),
				activation.enabled(), Rows.micros(activation.updatedAt()));
	}

	ToolActivation toActivation() {
		return new ToolActivation(TenantId.of(this.key.tenantId()), this.key.agentId(), this.key.toolName(),
				this.enabled, this.updatedAt);
	}

	/** The primary key {@code (tenant_id, agent_id, tool_name)}. */
	record Key(String tenantId, String agentId, String toolName) {
	}

}
