package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ApiKeyStore;

/**
 * API keys in the platform table {@code api_keys}, looked up by hash without a tenant.
 */
final class JdbcApiKeyStore implements ApiKeyStore {

	private final TenantTransactions tx;

	JdbcApiKeyStore(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public void create(ApiKey key) {
		this.tx.platform((jdbc) -> jdbc.sql(
				"INSERT INTO api_keys (id, tenant_id, role, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(Rows.withNulls(key.id(), key.tenant().value(), key.role().name(), key.secretHash(),
					Rows.ts(key.createdAt()), Rows.nullableTs(key.revokedAt())))
			.update());
	}

	@Override
	public Optional<ApiKey> findByHash(String secretHash) {
		return this.tx.platform((jdbc) -> jdbc.sql("SELECT * FROM api_keys WHERE secret_hash = ?")
			.param(secretHash)
			.query(JdbcApiKeyStore::map)
			.optional());
	}

	@Override
	public List<ApiKey> list(TenantId tenant) {
		return this.tx.platform((jdbc) -> jdbc.sql("SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id")
			.param(tenant.value())
			.query(JdbcApiKeyStore::map)
			.list());
	}

	@Override
	public boolean revoke(TenantId tenant, String keyId) {
		return this.tx.platform((jdbc) -> {
			jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL")
				.params(Rows.ts(Instant.now()), tenant.value(), keyId)
				.update();
			return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE tenant_id = ? AND id = ?")
				.params(tenant.value(), keyId)
				.query(Long.class)
				.single() > 0;
		});
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getString("id"), Rows.tenant(rs), Role.valueOf(rs.getString("role")),
				rs.getString("secret_hash"), Rows.instant(rs, "created_at"), Rows.nullableInstant(rs, "revoked_at"));
	}

}
