package io.ruche.kernel.store;

/**
 * The backing service cannot be reached or did not answer in time; the operation may be
 * retried.
 */
public final class StoreUnavailableException extends StoreException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
