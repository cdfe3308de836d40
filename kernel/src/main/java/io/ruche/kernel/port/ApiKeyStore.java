package io.ruche.kernel.port;

import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.ApiKey;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Stores API keys by the hash of their secret. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface ApiKeyStore {

	/**
	 * Stores a new key.
	 * @param key the key, with its secret already hashed
	 * @throws io.ruche.kernel.store.StoreConflictException when the id or hash exists
	 */
	void create(ApiKey key);

	/**
	 * Finds the key whose secret has this hash, revoked or not.
	 * @param secretHash hex SHA-256 of the presented secret
	 * @return the key, or empty when unknown
	 */
	Optional<ApiKey> findByHash(String secretHash);

	/**
	 * Lists the keys of a tenant, oldest first.
	 * @param tenant the tenant
	 * @return the keys, never null
	 */
	List<ApiKey> list(TenantId tenant);

	/**
	 * Revokes a key; revoking twice is harmless.
	 * @param tenant the tenant owning the key
	 * @param keyId the key id
	 * @return true when a key of that tenant had that id
	 */
	boolean revoke(TenantId tenant, String keyId);

	/**
	 * Changes a key's label.
	 * @param tenant the tenant owning the key
	 * @param keyId the key id
	 * @param label the new label (as {@link io.ruche.kernel.model.ApiKey#label(String)}
	 * keeps it), or null for none
	 * @return true when a key of that tenant had that id
	 */
	boolean relabel(TenantId tenant, String keyId, @Nullable String label);

}
