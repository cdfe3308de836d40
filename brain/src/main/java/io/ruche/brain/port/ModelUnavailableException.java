package io.ruche.brain.port;

/**
 * A model could not answer: provider down, timeout, quota, refused request.
 */
public class ModelUnavailableException extends RuntimeException {

	public ModelUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public ModelUnavailableException(String message) {
		super(message);
	}

}
