package io.ruche.server.security;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;

/**
 * Who is calling: the tenant and role of the presented API key.
 *
 * @param tenant the key's tenant
 * @param role the key's role
 * @param keyId the key id (safe to log)
 * @param platformAdmin whether the key's tenant is the bootstrap tenant (may create
 * tenants)
 */
public record Principal(TenantId tenant, Role role, String keyId, boolean platformAdmin) {

	/**
	 * Checks the role an operation needs.
	 * @param required the role needed
	 * @param operation the operation, for the message
	 * @throws AccessDeniedException naming the missing role
	 */
	/**
	 * This caller as the audit names it.
	 * @return the key id and its role
	 */
	public Actor actor() {
		return Actor.key(this.keyId, this.role);
	}

	public void require(Role required, String operation) {
		if (!this.role.includes(required)) {
			throw new AccessDeniedException(operation + " needs the '" + required.wireName() + "' role; this key has '"
					+ this.role.wireName() + "'");
		}
	}

}
