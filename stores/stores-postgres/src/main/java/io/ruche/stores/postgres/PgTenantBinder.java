package io.ruche.stores.postgres;

import java.util.regex.Pattern;

import io.ruche.kernel.model.TenantId;
import io.ruche.stores.jdbc.TenantBinder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Binds a transaction to a tenant for row-level security: switches to the RLS role
 * (superusers and table owners would bypass the policies) and sets {@code ruche.tenant},
 * both for the current transaction only.
 */
final class PgTenantBinder implements TenantBinder {

	private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String setRole;

	PgTenantBinder(String role) {
		if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
			throw new IllegalArgumentException("invalid row-level security role '" + role
					+ "': use lowercase letters, digits and _, starting with a letter or _");
		}
		this.setRole = role.isEmpty() ? "" : "SET LOCAL ROLE \"" + role + "\"";
	}

	@Override
	public void bind(JdbcClient jdbc, TenantId tenant) {
		if (!this.setRole.isEmpty()) {
			jdbc.sql(this.setRole).update();
		}
		jdbc.sql("SELECT set_config('ruche.tenant', ?, true)").param(tenant.value()).query(String.class).single();
	}

}
