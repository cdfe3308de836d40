package io.ruche.server.security;

import java.util.Map;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.TenantStore;

/**
 * Creates tenants and audits each creation ({@code tenant.create}) in the creator's
 * tenant, where the platform operator reads it, and in the new tenant, whose admins see
 * who made it.
 */
public class TenantProvisioning {

	private final TenantStore tenants;

	private final AuditLog audit;

	public TenantProvisioning(TenantStore tenants, AuditLog audit) {
		this.tenants = tenants;
		this.audit = audit;
	}

	/**
	 * Creates a tenant.
	 * @param tenant the tenant
	 * @param actor who creates it
	 * @param actorTenant the tenant of the creator's key (the bootstrap tenant's own id
	 * when the platform creates it)
	 * @throws io.ruche.kernel.store.StoreConflictException when the id is taken (nothing
	 * is audited)
	 */
	public void create(Tenant tenant, Actor actor, TenantId actorTenant) {
		this.tenants.create(tenant);
		Map<String, String> details = Map.of("name", tenant.name());
		this.audit.append(AuditRecord.change(actorTenant, actor, "tenant.create", tenant.id().value(), details,
				tenant.createdAt()));
		if (!actorTenant.equals(tenant.id())) {
			this.audit.append(AuditRecord.change(tenant.id(), actor, "tenant.create", tenant.id().value(), details,
					tenant.createdAt()));
		}
	}

}
