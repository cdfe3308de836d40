package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ApiKeyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * API keys in the platform table {@code api_keys} through {@link ApiKeyRepository}.
 */
final class JdbcApiKeyStore implements ApiKeyStore {

	private final TenantTransactions tx;

	private final JdbcAggregateTemplate template;

	private final ApiKeyRepository repository;

	JdbcApiKeyStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.template = aggregates.template();
		this.repository = aggregates.repository(ApiKeyRepository.class);
	}

	@Override
	public void create(ApiKey key) {
		ApiKeyRow row = ApiKeyRow.of(key);
		this.tx.platform(() -> this.template.insert(row));
	}

	@Override
	public Optional<ApiKey> findByHash(String secretHash) {
		return this.tx.platform(() -> this.repository.findBySecretHash(secretHash).map(ApiKeyRow::toKey));
	}

	@Override
	public List<ApiKey> list(TenantId tenant) {
		return Rows.map(this.tx.platform(() -> this.repository.findByTenantIdOrderByCreatedAtAscIdAsc(tenant.value())),
				ApiKeyRow::toKey);
	}

	@Override
	public boolean revoke(TenantId tenant, String keyId) {
		Instant now = Rows.micros(Instant.now());
		return this.tx.platform(() -> {
			this.repository.revoke(tenant.value(), keyId, now);
			return this.repository.existsByTenantIdAndId(tenant.value(), keyId);
		});
	}

	@Override
	public boolean relabel(TenantId tenant, String keyId, @Nullable String label) {
		String kept = ApiKey.label(label);
		return this.tx.platform(() -> this.repository.relabel(tenant.value(), keyId, kept) > 0);
	}

}
