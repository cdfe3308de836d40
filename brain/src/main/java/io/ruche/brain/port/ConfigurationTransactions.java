package io.ruche.brain.port;

import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;

/**
 * Runs one configuration change (its objects, its version and its audit record) as a
 * single store transaction, so that a change that fails half-way, or loses the race for
 * its version number, leaves nothing behind.
 */
public interface ConfigurationTransactions {

	/** No transaction: for stores that are not transactional (tests in memory). */
	ConfigurationTransactions NONE = new ConfigurationTransactions() {

		@Override
		public <T> T atomically(TenantId tenant, Supplier<T> work) {
			return work.get();
		}

	};

	/**
	 * Runs work so that every store write in it commits together or not at all.
	 * @param <T> the result type
	 * @param tenant the tenant the work writes to
	 * @param work the work
	 * @return what the work returned
	 * @throws io.ruche.kernel.store.StoreException when the store fails; nothing is kept
	 */
	<T> T atomically(TenantId tenant, Supplier<T> work);

}
