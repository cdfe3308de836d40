package io.ruche.stores.jdbc;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ruche.kernel.model.Tenant;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the platform table {@code tenants}; the settings are a JSON object in
 * {@code settings}, a missing key meaning its default.
 */
@Table("tenants")
record TenantRow(@Id String id, String name, boolean platformAdmin, Instant createdAt, SettingsBody settings) {

	static TenantRow of(Tenant tenant) {
		return new TenantRow(tenant.id().value(), tenant.name(), tenant.platformAdmin(),
				Rows.micros(tenant.createdAt()), SettingsBody.DEFAULTS);
	}

	Tenant toTenant() {
		return new Tenant(TenantId.of(this.id), this.name, this.platformAdmin, this.createdAt);
	}

	/** The JSON of {@link TenantSettings}: only the settings a tenant changed. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SettingsBody(@JsonProperty("allow_client_preconfirm") @Nullable Boolean allowClientPreconfirm,
			@JsonProperty("retention_days") @Nullable Integer retentionDays,
			@JsonProperty("turns_per_minute") @Nullable Long turnsPerMinute,
			@JsonProperty("model_tokens_per_day") @Nullable Long modelTokensPerDay) implements JsonBody {

		static final SettingsBody DEFAULTS = new SettingsBody(null, null, null, null);

		static SettingsBody of(TenantSettings settings) {
			return new SettingsBody(settings.allowClientPreconfirm(),
					(settings.retentionDays() > 0) ? settings.retentionDays() : null, limit(settings.turnsPerMinute()),
					limit(settings.modelTokensPerDay()));
		}

		TenantSettings toSettings() {
			return new TenantSettings(Boolean.TRUE.equals(this.allowClientPreconfirm),
					(this.retentionDays != null) ? this.retentionDays : 0, orNone(this.turnsPerMinute),
					orNone(this.modelTokensPerDay));
		}

		// A limit of 0 is no limit: not written, as a setting never changed.
		private static @Nullable Long limit(long value) {
			return (value > 0) ? value : null;
		}

		private static long orNone(@Nullable Long value) {
			return (value != null) ? value : 0;
		}

	}

}
