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
 * @param label what an admin calls the key (who holds it), at most {@value #MAX_LABEL}
 * characters, or null
 */
public record ApiKey(String id, TenantId tenant, Role role, String secretHash, Instant createdAt,
		@Nullable Instant revokedAt, @Nullable String label) {

	/** The longest label kept. */
	public static final int MAX_LABEL = 100;

	public ApiKey {
		label = label(label);
	}

	/**
	 * A label as kept: stripped, null when blank.
	 * @param label the label given
	 * @return the label to keep
	 * @throws IllegalArgumentException when it is longer than {@value #MAX_LABEL}
	 * characters
	 */
	public static @Nullable String label(@Nullable String label) {
		if (label == null || label.isBlank()) {
			return null;
		}
		String stripped = label.strip();
		if (stripped.length() > MAX_LABEL) {
			throw new IllegalArgumentException(
					"a key label is at most " + MAX_LABEL + " characters, not " + stripped.length());
		}
		return stripped;
	}

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", tenant=" + this.tenant + ", role=" + this.role + ", label=" + this.label
				+ "]";
	}

}
