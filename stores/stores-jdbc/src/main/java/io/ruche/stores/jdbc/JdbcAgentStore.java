package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Agent;
import io.ruche.brain.port.AgentStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;

import org.springframework.dao.OptimisticLockingFailureException;

/** Agents in the table {@code agents} through {@link AgentRepository}. */
final class JdbcAgentStore implements AgentStore {

	private final TenantTransactions tx;

	private final AgentRepository repository;

	JdbcAgentStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.repository = aggregates.repository(AgentRepository.class);
	}

	@Override
	public Agent save(Agent agent) {
		AgentRow row = AgentRow.of(agent);
		return this.tx.inTenant(agent.tenant(), () -> {
			try {
				return this.repository.save(row).toAgent();
			}
			catch (OptimisticLockingFailureException ex) {
				throw new StoreConflictException(
						"agent " + agent.id() + " was changed by someone else or is unknown: read it again");
			}
		});
	}

	@Override
	public Optional<Agent> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				() -> this.repository.findById(TenantKey.of(tenant, id)).map(AgentRow::toAgent));
	}

	@Override
	public Optional<Agent> findByName(TenantId tenant, String name) {
		return this.tx.inTenant(tenant, () -> this.repository.findByName(tenant.value(), name).map(AgentRow::toAgent));
	}

	@Override
	public List<Agent> list(TenantId tenant) {
		return Rows.map(this.tx.inTenant(tenant, () -> this.repository.list(tenant.value())), AgentRow::toAgent);
	}

	@Override
	public boolean delete(TenantId tenant, String id) {
		return this.tx.inTenant(tenant, () -> this.repository.remove(tenant.value(), id) > 0);
	}

}
