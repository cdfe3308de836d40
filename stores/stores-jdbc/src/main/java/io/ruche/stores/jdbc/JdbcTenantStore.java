package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.TenantStore;

/** Tenants in the platform table {@code tenants}, read without a tenant binding. */
final class JdbcTenantStore implements TenantStore {

	private final TenantTransactions tx;

	JdbcTenantStore(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public void create(Tenant tenant) {
		this.tx.platform(
				(jdbc) -> jdbc.sql("INSERT INTO tenants (id, name, platform_admin, created_at) VALUES (?, ?, ?, ?)")
					.params(tenant.id().value(), tenant.name(), tenant.platformAdmin(), Rows.ts(tenant.createdAt()))
					.update());
	}

	@Override
	public Optional<Tenant> find(TenantId id) {
		return this.tx.platform((jdbc) -> jdbc.sql("SELECT * FROM tenants WHERE id = ?")
			.param(id.value())
			.query(JdbcTenantStore::map)
			.optional());
	}

	@Override
	public List<Tenant> list() {
		return this.tx
			.platform((jdbc) -> jdbc.sql("SELECT * FROM tenants ORDER BY id").query(JdbcTenantStore::map).list());
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(TenantId.of(rs.getString("id")), rs.getString("name"), rs.getBoolean("platform_admin"),
				Rows.instant(rs, "created_at"));
	}

}
