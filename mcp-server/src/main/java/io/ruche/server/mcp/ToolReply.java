package io.ruche.server.mcp;

import java.util.Map;

/**
 * What a tool handler answers: a structured result with a short text for people.
 *
 * @param structured the {@code structuredContent}, matching the tool's output schema
 * @param text a one-line summary
 */
public record ToolReply(Map<String, Object> structured, String text) {
}
