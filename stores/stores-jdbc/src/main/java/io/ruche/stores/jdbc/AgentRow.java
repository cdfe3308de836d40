package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code agents}; the settings are JSON in {@code settings}. */
@Table("agents")
record AgentRow(@Id TenantKey key, String name, String description, String persona, SettingsBody settings,
		@Version long version, Instant updatedAt) {

	static AgentRow of(Agent agent) {
		return new AgentRow(TenantKey.of(agent.tenant(), agent.id()), agent.name(), agent.description(),
				agent.persona(), SettingsBody.of(agent.settings()), agent.version(), Rows.micros(agent.updatedAt()));
	}

	Agent toAgent() {
		return new Agent(this.key.tenant(), this.key.id(), this.name, this.description, this.persona,
				this.settings.toSettings(), this.version, this.updatedAt);
	}

	/** The JSON of {@link AgentSettings}. */
	record SettingsBody(@Nullable String fallbackText, int maxRegenerations,
			Map<String, String> extra) implements JsonBody {

		static SettingsBody of(AgentSettings settings) {
			return new SettingsBody(settings.fallbackText(), settings.maxRegenerations(), settings.extra());
		}

		AgentSettings toSettings() {
			return new AgentSettings(this.fallbackText, this.maxRegenerations, this.extra);
		}

	}

}
