package io.ruche.kernel.port;

/**
 * Another turn of the same session held its lock for longer than the caller would wait.
 */
public class SessionBusyException extends RuntimeException {

	public SessionBusyException(String sessionId) {
		super("session " + sessionId + " is busy with another turn; retry shortly");
	}

}
