package io.ruche.stores.jdbc;

import io.ruche.kernel.model.TenantId;

/**
 * The primary key {@code (tenant_id, id)} of the tenant-owned tables keyed by an id.
 *
 * @param tenantId the tenant
 * @param id the id within the tenant
 */
record TenantKey(String tenantId, String id) {

	static TenantKey of(TenantId tenant, String id) {
		return new TenantKey(tenant.value(), id);
	}

	TenantId tenant() {
		return TenantId.of(this.tenantId);
	}

}
