package io.ruche.stores.jdbc;

import java.util.function.Supplier;

import io.ruche.brain.port.ConfigurationTransactions;
import io.ruche.kernel.model.TenantId;

/**
 * One database transaction around a configuration change: the stores' own transactions
 * join it, since they run on the same data source and thread.
 */
final class JdbcConfigurationTransactions implements ConfigurationTransactions {

	private final TenantTransactions tx;

	JdbcConfigurationTransactions(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public <T> T atomically(TenantId tenant, Supplier<T> work) {
		return this.tx.inTenant(tenant, (jdbc) -> work.get());
	}

}
