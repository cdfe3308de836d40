package io.ruche.kernel.port;

import java.util.List;
import java.util.Optional;

import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;

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

}
