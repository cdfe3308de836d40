package io.ruche.kernel.store;

/**
 * Stored data could not be read or written as the port expects (corrupt row, schema
 * mismatch).
 */
public final class StoreDataException extends StoreException {

	public StoreDataException(String message, Throwable cause) {
		super(message, cause);
	}

}
