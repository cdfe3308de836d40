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
			@JsonProperty("retention_days") @Nullable Integer retentionDays) implements JsonBody {

		static final SettingsBody DEFAULTS = new SettingsBody(null, null);

		static SettingsBody of(TenantSettings settings) {
			return new SettingsBody(settings.allowClientPreconfirm(),
					(settings.retentionDays() > 0) ? settings.retentionDays() : null);
		}

		TenantSettings toSettings() {
			return new TenantSettings(Boolean.TRUE.equals(this.allowClientPreconfirm),
					(this.retentionDays != null) ? this.retentionDays : 0);
		}

	}

}
