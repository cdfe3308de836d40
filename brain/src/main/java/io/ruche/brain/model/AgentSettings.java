package io.ruche.brain.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Per-agent settings.
 *
 * @param fallbackText the agent's FALLBACK reply when a reply breaks a constraint and no
 * rule offers one
 * @param maxRegenerations how many times a reply breaking a constraint is regenerated
 * before the fallback
 * @param extra further settings by name (model, temperature, selection strategies), as
 * strings
 */
public record AgentSettings(@Nullable String fallbackText, int maxRegenerations, Map<String, String> extra) {

	public static final AgentSettings DEFAULTS = new AgentSettings(null, 1, Map.of());

	public AgentSettings {
		if (maxRegenerations < 0 || maxRegenerations > 5) {
			throw new IllegalArgumentException("max_regenerations must be between 0 and 5");
		}
		extra = Map.copyOf(extra);
	}

}
