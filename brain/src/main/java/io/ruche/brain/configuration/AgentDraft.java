package io.ruche.brain.configuration;

import java.util.List;

import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import org.jspecify.annotations.Nullable;

/**
 * An agent as an editor submits it; matched to a stored agent by name.
 *
 * @param name the agent name
 * @param description what the agent is for, or null to keep the stored one
 * @param persona the system prompt, or null to keep the stored one
 * @param settings the settings, or null to keep the stored ones
 * @param fields the interlocutor fields the agent declares, or null to keep the stored
 * ones
 * @param expectedVersion the version the editor read; null to update whatever is stored
 */
public record AgentDraft(String name, @Nullable String description, @Nullable String persona,
		@Nullable AgentSettings settings, @Nullable List<FieldSpec> fields, @Nullable Long expectedVersion) {

	public AgentDraft {
		fields = (fields != null) ? List.copyOf(fields) : null;
	}

	/** A draft that keeps the stored fields. */
	public AgentDraft(String name, @Nullable String description, @Nullable String persona,
			@Nullable AgentSettings settings, @Nullable Long expectedVersion) {
		this(name, description, persona, settings, null, expectedVersion);
	}

}
