package io.ruche.kernel.store;

/**
 * The backing service cannot be reached or did not answer in time; the operation may be
 * retried.
 */
public final class StoreUnavailableException extends StoreException {

	/** What a caller is told, on every surface: the message names no store or host. */
	public static final String RETRY_MESSAGE = "A backing store is unavailable; retry shortly.";

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
