package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.brain.model.FieldSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code agents}; the settings are JSON in {@code settings}, the interlocutor
 * fields the agent declares JSON in {@code fields}.
 */
@Table("agents")
record AgentRow(@Id TenantKey key, String name, String description, String persona, SettingsBody settings,
		FieldsBody fields, @Version long version, Instant updatedAt) {

	static AgentRow of(Agent agent) {
		return new AgentRow(TenantKey.of(agent.tenant(), agent.id()), agent.name(), agent.description(),
				agent.persona(), SettingsBody.of(agent.settings()), FieldsBody.of(agent.fields()), agent.version(),
				Rows.micros(agent.updatedAt()));
	}

	Agent toAgent() {
		return new Agent(this.key.tenant(), this.key.id(), this.name, this.description, this.persona,
				this.settings.toSettings(), this.fields.toFields(), this.version, this.updatedAt);
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

	/** The JSON of the agent's fields. */
	record FieldsBody(List<ScenarioBody.FieldBody> fields) implements JsonBody {

		static FieldsBody of(List<FieldSpec> fields) {
			return new FieldsBody(Rows.map(fields, ScenarioBody.FieldBody::of));
		}

		List<FieldSpec> toFields() {
			return Rows.map(this.fields, ScenarioBody.FieldBody::toField);
		}

	}

}
