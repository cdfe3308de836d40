package io.ruche.kernel.port;

import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;

/**
 * Stores tenants. Failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface TenantStore {

	/**
	 * Creates a tenant.
	 * @param tenant the tenant, must not be null
	 * @throws io.ruche.kernel.store.StoreConflictException when a tenant with that id
	 * exists
	 */
	void create(Tenant tenant);

	/**
	 * Finds a tenant.
	 * @param id the tenant id
	 * @return the tenant, or empty when none has that id
	 */
	Optional<Tenant> find(TenantId id);

	/**
	 * Lists every tenant, ordered by id.
	 * @return the tenants, never null
	 */
	List<Tenant> list();

	/**
	 * Reads a tenant's settings.
	 * @param id the tenant id
	 * @return its settings, never null: {@link TenantSettings#DEFAULTS} for a tenant
	 * whose settings were never changed, or that does not exist
	 */
	TenantSettings settings(TenantId id);

	/**
	 * Replaces a tenant's settings.
	 * @param id the tenant id
	 * @param settings the new settings, must not be null
	 * @return false when no tenant has that id (nothing is written)
	 */
	boolean updateSettings(TenantId id, TenantSettings settings);

}
