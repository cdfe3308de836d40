package io.ruche.kernel.port;

import java.util.function.Supplier;

import io.ruche.kernel.model.TenantId;

/**
 * Makes several writes of one tenant's stores a single one: a process killed, or a
 * database lost, in the middle leaves all of them or none.
 */
public interface StoreTransactions {

	/**
	 * Runs work whose store writes are committed together when it returns, and not at all
	 * when it throws.
	 * @param <T> the result type
	 * @param tenant the tenant the writes belong to
	 * @param work the work
	 * @return what {@code work} returned
	 */
	<T> T atomically(TenantId tenant, Supplier<T> work);

	/**
	 * Stores without transactions (in memory): each write stands on its own.
	 * @return transactions that only run the work
	 */
	static StoreTransactions none() {
		return new StoreTransactions() {
			@Override
			public <T> T atomically(TenantId tenant, Supplier<T> work) {
				return work.get();
			}
		};
	}

}
