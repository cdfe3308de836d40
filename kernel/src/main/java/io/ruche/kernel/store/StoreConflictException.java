package io.ruche.kernel.store;

/**
 * A write lost an optimistic-concurrency race or broke a uniqueness rule: the caller's
 * view is stale.
 */
public final class StoreConflictException extends StoreException {

	public StoreConflictException(String message) {
		super(message);
	}

}
