package io.ruche.brain.configuration;

import io.ruche.brain.model.AgentSettings;
import org.jspecify.annotations.Nullable;

/**
 * An agent as an editor submits it; matched to a stored agent by name.
 *
 * @param name the agent name
 * @param description what the agent is for, or null to keep the stored one
 * @param persona the system prompt, or null to keep the stored one
 * @param settings the settings, or null to keep the stored ones
 * @param expectedVersion the version the editor read; null to update whatever is stored
 */
public record AgentDraft(String name, @Nullable String description, @Nullable String persona,
		@Nullable AgentSettings settings, @Nullable Long expectedVersion) {
}
