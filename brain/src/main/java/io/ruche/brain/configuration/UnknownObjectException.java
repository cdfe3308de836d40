package io.ruche.brain.configuration;

import java.util.Objects;

/**
 * The agent, rule or scenario an edit names does not exist in the caller's tenant.
 */
public class UnknownObjectException extends RuntimeException {

	public UnknownObjectException(String kind, String reference) {
		super("unknown " + kind + " '" + reference + "'");
	}

	// Every constructor sets a message; callers pass it on as text.
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
