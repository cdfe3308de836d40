package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** API keys, looked up by hash without a tenant; inserted through the template. */
interface ApiKeyRepository extends Repository<ApiKeyRow, String> {

	Optional<ApiKeyRow> findBySecretHash(String secretHash);

	List<ApiKeyRow> findByTenantIdOrderByCreatedAtAscIdAsc(String tenantId);

	boolean existsByTenantIdAndId(String tenantId, String id);

	@Modifying
	@Query("UPDATE api_keys SET revoked_at = :at WHERE tenant_id = :tenant AND id = :id AND revoked_at IS NULL")
	void revoke(String tenant, String id, Instant at);

	@Modifying
	@Query("UPDATE api_keys SET label = :label WHERE tenant_id = :tenant AND id = :id")
	int relabel(String tenant, String id, @Nullable String label);

}
