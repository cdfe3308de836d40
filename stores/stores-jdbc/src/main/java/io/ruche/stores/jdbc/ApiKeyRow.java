package io.ruche.stores.jdbc;

import java.time.Instant;

import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the platform table {@code api_keys}. */
@Table("api_keys")
record ApiKeyRow(@Id String id, String tenantId, String role, String secretHash, Instant createdAt,
		@Nullable Instant revokedAt, @Nullable String label) {

	static ApiKeyRow of(ApiKey key) {
		return new ApiKeyRow(key.id(), key.tenant().value(), key.role().name(), key.secretHash(),
				Rows.micros(key.createdAt()), Rows.nullableMicros(key.revokedAt()), key.label());
	}

	ApiKey toKey() {
		return new ApiKey(this.id, TenantId.of(this.tenantId), Role.valueOf(this.role), this.secretHash, this.createdAt,
				this.revokedAt, this.label);
	}

}
