package io.ruche.kernel.store;

/**
 * An unexpected store failure. Adapters translate their driver exceptions into one of the
 * permitted subtypes at their boundary.
 */
public abstract sealed class StoreException extends RuntimeException
		permits StoreUnavailableException, StoreConflictException, StoreDataException {

	protected StoreException(String message, Throwable cause) {
		super(message, cause);
	}

	protected StoreException(String message) {
		super(message);
	}

}
