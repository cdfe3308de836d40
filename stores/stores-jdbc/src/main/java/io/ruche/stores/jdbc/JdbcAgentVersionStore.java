package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.AgentVersion;
import io.ruche.brain.port.AgentVersionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * The append-only table {@code agent_versions} through {@link AgentVersionRepository}:
 * versions are inserted, never updated, and a number taken by a concurrent publish is
 * refused by the primary key.
 */
final class JdbcAgentVersionStore implements AgentVersionStore {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final AgentVersionRepository repository;

	JdbcAgentVersionStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.repository = aggregates.repository(AgentVersionRepository.class);
	}

	@Override
	public void append(AgentVersion version) {
		AgentVersionRow row = AgentVersionRow.of(version);
		this.tx.inTenant(version.tenant(), () -> this.template.insert(row));
	}

	@Override
	public Optional<AgentVersion> find(TenantId tenant, String agentId, long number) {
		return this.tx.inTenant(tenant, () -> this.repository.find(tenant.value(), agentId, number))
			.map(AgentVersionRow::toVersion);
	}

	@Override
	public Optional<AgentVersion> latest(TenantId tenant, String agentId) {
		List<AgentVersionRow> newest = this.tx.inTenant(tenant,
				() -> this.repository.newestFirst(tenant.value(), agentId, 1, 0));
		return newest.stream().findFirst().map(AgentVersionRow::toVersion);
	}

	@Override
	public Page<AgentVersion> list(TenantId tenant, String agentId, PageRequest request) {
		List<AgentVersionRow> rows = this.tx.inTenant(tenant, () -> this.repository.newestFirst(tenant.value(), agentId,
				Rows.limitPlusOne(request), request.offset()));
		return Rows.page(Rows.map(rows, AgentVersionRow::toVersion), request);
	}

}
