package io.ruche.server.api;

/**
 * The {@code If-Match} header named a version that is no longer current (HTTP 412).
 */
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException(String message) {
		super(message);
	}

}
