package io.ruche.server.mcp;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a tool handler answers: a structured result with a short text for people, or an
 * expected failure.
 *
 * @param structured the {@code structuredContent}, matching the tool's output schema;
 * null for an error without details
 * @param text a one-line summary, or the error message
 * @param error whether the result is sent with {@code isError: true}
 */
public record ToolReply(@Nullable Map<String, Object> structured, String text, boolean error) {

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

	/**
	 * An expected failure the caller can fix, with its message only.
	 * @param text the message
	 * @return the reply
	 */
	public static ToolReply error(String text) {
		return new ToolReply(null, text, true);
	}

}
