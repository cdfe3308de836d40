package io.ruche.server.mcp;

import java.util.Map;

/**
 * What a tool handler answers: a structured result with a short text for people.
 *
 * @param structured the {@code structuredContent}, matching the tool's output schema
 * @param text a one-line summary
 * @param error whether the result is sent with {@code isError: true} (a failure the
 * caller should see, with its structured details)
 */
public record ToolReply(Map<String, Object> structured, String text, boolean error) {

	public ToolReply(Map<String, Object> structured, String text) {
		this(structured, text, false);
	}

	/**
	 * A failed result that still carries structured content.
	 * @param structured the structured details
	 * @param text the message
	 * @return the reply
	 */
	public static ToolReply failed(Map<String, Object> structured, String text) {
		return new ToolReply(structured, text, true);
	}

}
