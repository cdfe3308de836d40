package io.ruche.brain.port;

/**
 * One message of a conversation sent to a model.
 *
 * @param role {@code user} or {@code assistant}
 * @param content the text
 */
public record ModelMessage(String role, String content) {

	public static ModelMessage user(String content) {
		return new ModelMessage("user", content);
	}

	public static ModelMessage assistant(String content) {
		return new ModelMessage("assistant", content);
	}

}
