package io.ruche.server.security;

import java.util.Objects;

/**
 * The caller's key does not have the role an operation needs.
 */
public class AccessDeniedException extends RuntimeException {

	public AccessDeniedException(String message) {
		super(message);
	}

	// Every constructor sets a message; callers pass it on as text.
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
