package io.ruche.stores.jdbc;

import java.util.List;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.ToolActivation;
import io.ruche.toolbox.port.ToolActivationStore;

/**
 * Tool activations in {@code tool_activations} through {@link ToolActivationRepository}.
 */
final class JdbcToolActivationStore implements ToolActivationStore {

	private final TenantTransactions tx;

	private final Upserts upserts;

	private final ToolActivationRepository repository;

	JdbcToolActivationStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.upserts = new Upserts(aggregates.template());
		this.repository = aggregates.repository(ToolActivationRepository.class);
	}

	@Override
	public void save(ToolActivation activation) {
		ToolActivationRow row = ToolActivationRow.of(activation);
		Upserts.retryingOnce(() -> this.tx.inTenant(activation.tenant(), () -> {
			this.upserts.write(row, row.key());
			return row;
		}));
	}

	@Override
	public List<ToolActivation> list(TenantId tenant, String agentId) {
		return Rows.map(this.tx.inTenant(tenant, () -> this.repository.ofAgent(tenant.value(), agentId)),
				ToolActivationRow::toActivation);
	}

}
