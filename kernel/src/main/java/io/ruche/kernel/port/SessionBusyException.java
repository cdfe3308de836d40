package io.ruche.kernel.port;

import java.util.Objects;

/**
 * Another turn of the same session held its lock for longer than the caller would wait.
 */
public class SessionBusyException extends RuntimeException {

	public SessionBusyException(String sessionId) {
		super("session " + sessionId + " is busy with another turn; retry shortly");
	}

	// Every constructor sets a message; callers pass it on as text.
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
