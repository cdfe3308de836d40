package io.ruche.server.wire;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The caller's arguments are malformed or break a rule of the core's values: an expected
 * failure, answered as invalid input. A bare {@link IllegalArgumentException} elsewhere
 * is a bug and answered as an internal error.
 */
public class InvalidArgumentsException extends RuntimeException {

	public InvalidArgumentsException(String message) {
		super(message, null, false, false);
	}

	/**
	 * Builds a value from the caller's arguments, where the core's records check what
	 * they are given with {@link IllegalArgumentException}.
	 * @param <T> the value type
	 * @param build builds the value
	 * @return the value
	 * @throws InvalidArgumentsException with the core's message when a check fails
	 */
	public static <T> T reading(Supplier<T> build) {
		try {
			return build.get();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentsException(Objects.requireNonNullElse(ex.getMessage(), "invalid arguments"));
		}
	}

	// Every constructor sets a message; it is shown to the caller.
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
