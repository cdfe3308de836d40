package io.ruche.stores.jdbc;

import io.ruche.kernel.model.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prepares a transaction for one tenant before any of its statements run, for example by
 * switching to a role bound by row-level security.
 */
@FunctionalInterface
public interface TenantBinder {

	/** Binds nothing: tenant filters in the SQL are the only isolation. */
	TenantBinder NONE = (jdbc, tenant) -> {
	};

	/**
	 * Binds the current transaction to a tenant.
	 * @param jdbc the client of the current transaction
	 * @param tenant the tenant
	 */
	void bind(JdbcClient jdbc, TenantId tenant);

}
