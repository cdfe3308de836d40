package io.ruche.brain.port;

import java.util.List;

/**
 * A request for one completion.
 *
 * @param system the system prompt
 * @param messages the conversation, oldest first, ending with the user's message
 * @param temperature the sampling temperature
 * @param maxTokens the most tokens to generate
 */
public record ModelRequest(String system, List<ModelMessage> messages, double temperature, int maxTokens) {

	public ModelRequest {
		messages = List.copyOf(messages);
	}

}
