package io.ruche.toolbox.discovery;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One tool found for a need.
 *
 * @param name the tool name
 * @param description what it does
 * @param inputSchema its arguments' JSON Schema
 * @param score the ranking score and how it was made
 * @param enabled whether the tool is enabled for the request's agent; null without an
 * agent
 */
public record ToolHit(String name, String description, Map<String, Object> inputSchema, ScoreBreakdown score,
		@Nullable Boolean enabled) {
}
