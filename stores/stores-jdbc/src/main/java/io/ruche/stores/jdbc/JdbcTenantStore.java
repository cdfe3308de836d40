package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.TenantStore;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** Tenants in the platform table {@code tenants} through {@link TenantRepository}. */
final class JdbcTenantStore implements TenantStore {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final TenantRepository repository;

	JdbcTenantStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.repository = aggregates.repository(TenantRepository.class);
	}

	@Override
	public void create(Tenant tenant) {
		TenantRow row = TenantRow.of(tenant);
		this.tx.platform(() -> this.template.insert(row));
	}

	@Override
	public Optional<Tenant> find(TenantId id) {
		return this.tx.platform(() -> this.repository.findById(id.value()).map(TenantRow::toTenant));
	}

	@Override
	public List<Tenant> list() {
		return Rows.map(this.tx.platform(this.repository::findAllByOrderByIdAsc), TenantRow::toTenant);
	}

	@Override
	public TenantSettings settings(TenantId id) {
		return this.tx.platform(() -> this.repository.findById(id.value()))
			.map((row) -> row.settings().toSettings())
			.orElse(TenantSettings.DEFAULTS);
	}

	@Override
	public boolean updateSettings(TenantId id, TenantSettings settings) {
		return this.tx.platform(() -> this.repository.updateSettings(id.value(), TenantRow.SettingsBody.of(settings)));
	}

}
