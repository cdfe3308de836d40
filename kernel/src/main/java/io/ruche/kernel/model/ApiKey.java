package io.ruche.kernel.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored API key. Only the SHA-256 hash of the secret is kept; the secret itself is
 * shown once, at creation.
 *
 * @param id the key id, safe to show and log
 * @param tenant the tenant the key belongs to
 * @param role what the key may do
 * @param secretHash hex SHA-256 of the secret
 * @param createdAt when the key was created
 * @param revokedAt when the key was revoked, or null while it is valid
 */
public record ApiKey(String id, TenantId tenant, Role role, String secretHash, Instant createdAt,
		@Nullable Instant revokedAt) {

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", tenant=" + this.tenant + ", role=" + this.role + "]";
	}

}
