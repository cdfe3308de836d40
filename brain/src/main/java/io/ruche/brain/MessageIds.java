package io.ruche.brain;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The shape of a caller's message id ({@code message_id}, REST {@code Idempotency-Key}):
 * short enough to be part of a tool's idempotency key, visible ASCII so that it reads the
 * same in every log.
 */
public final class MessageIds {

	/** The longest message id accepted. */
	public static final int MAX_LENGTH = 100;

	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

	private MessageIds() {
	}

	/**
	 * Checks a message id.
	 * @param messageId the id, or null (no id)
	 * @throws IllegalArgumentException when it is empty, too long or not visible ASCII
	 */
	public static void check(@Nullable String messageId) {
		if (messageId != null && !VISIBLE_ASCII.matcher(messageId).matches()) {
			throw new IllegalArgumentException("message_id must be 1 to " + MAX_LENGTH
					+ " visible ASCII characters (letters, digits, punctuation; no spaces)");
		}
	}

}
