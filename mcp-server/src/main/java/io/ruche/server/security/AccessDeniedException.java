package io.ruche.server.security;

/**
 * The caller's key does not have the role an operation needs.
 */
public class AccessDeniedException extends RuntimeException {

	public AccessDeniedException(String message) {
		super(message);
	}

}
