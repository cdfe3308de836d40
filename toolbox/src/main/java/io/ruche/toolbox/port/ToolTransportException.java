package io.ruche.toolbox.port;

/**
 * A tool call that failed: the target answered with an error, could not be reached, or
 * answered something unreadable.
 */
public class ToolTransportException extends RuntimeException {

	private final boolean transientFailure;

	/**
	 * Creates the exception.
	 * @param message what went wrong, safe to show to the caller (no secrets)
	 * @param transientFailure whether trying again may succeed (connection failure, 5xx,
	 * 429)
	 */
	public ToolTransportException(String message, boolean transientFailure) {
		super(message);
		this.transientFailure = transientFailure;
	}

	public boolean isTransient() {
		return this.transientFailure;
	}

}
