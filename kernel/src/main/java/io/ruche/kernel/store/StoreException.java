package io.ruche.kernel.store;

import java.util.Objects;

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

	// Every constructor sets a message; callers pass it on as text.
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
