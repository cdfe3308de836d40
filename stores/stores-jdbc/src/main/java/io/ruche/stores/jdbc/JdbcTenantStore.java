package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.TenantStore;
import tools.jackson.core.type.TypeReference;

/**
 * Tenants in the platform table {@code tenants}, read without a tenant binding; their
 * settings are a JSON object in the column {@code settings}, a missing key meaning its
 * default.
 */
final class JdbcTenantStore implements TenantStore {

	private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {
	};

	private static final String ALLOW_CLIENT_PRECONFIRM = "allow_client_preconfirm";

	private final TenantTransactions tx;

	private final Json json;

	JdbcTenantStore(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
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

	@Override
	public TenantSettings settings(TenantId id) {
		return this.tx
			.platform((jdbc) -> jdbc.sql("SELECT settings FROM tenants WHERE id = ?")
				.param(id.value())
				.query(String.class)
				.optional())
			.map((stored) -> this.json.read(stored, SETTINGS))
			.map((stored) -> new TenantSettings(Boolean.TRUE.equals(stored.get(ALLOW_CLIENT_PRECONFIRM))))
			.orElse(TenantSettings.DEFAULTS);
	}

	@Override
	public boolean updateSettings(TenantId id, TenantSettings settings) {
		String stored = this.json.write(Map.of(ALLOW_CLIENT_PRECONFIRM, settings.allowClientPreconfirm()));
		return this.tx.platform((jdbc) -> jdbc.sql("UPDATE tenants SET settings = ? WHERE id = ?")
			.params(stored, id.value())
			.update()) > 0;
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(TenantId.of(rs.getString("id")), rs.getString("name"), rs.getBoolean("platform_admin"),
				Rows.instant(rs, "created_at"));
	}

}
