package io.ruche.server.security;

import java.time.Clock;
import java.util.Map;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.TenantStore;

/**
 * A tenant's settings: reads them, changes them (audited as {@code tenant.settings}) and
 * applies the confirmation policy they set.
 */
public class TenantSettingsService {

	private final TenantStore tenants;

	private final AuditLog audit;

	private final Clock clock;

	public TenantSettingsService(TenantStore tenants, AuditLog audit, Clock clock) {
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
	}

	public TenantSettings settings(TenantId tenant) {
		return this.tenants.settings(tenant);
	}

	/**
	 * Replaces the settings of the admin's tenant.
	 * @param admin who changes them; must be an admin
	 * @param settings the new settings
	 * @return the settings now in force
	 * @throws AccessDeniedException when the key is not an admin's
	 */
	public TenantSettings update(Principal admin, TenantSettings settings) {
		admin.require(Role.ADMIN, "changing the tenant's settings");
		if (!this.tenants.updateSettings(admin.tenant(), settings)) {
			throw new IllegalStateException("the tenant of an authenticated key is missing: " + admin.tenant());
		}
		this.audit.append(AuditRecord.change(admin.tenant(), admin.actor(), "tenant.settings", admin.tenant().value(),
				Map.of("allow_client_preconfirm", String.valueOf(settings.allowClientPreconfirm()), "retention_days",
						String.valueOf(settings.retentionDays())),
				this.clock.instant()));
		return settings;
	}

	/**
	 * Whether a caller may confirm, in the body of a request, a tool that requires a
	 * person's confirmation: {@code builder} and {@code admin} keys may; a {@code client}
	 * key only when its tenant allows it
	 * ({@link TenantSettings#allowClientPreconfirm()}), since the program behind it could
	 * otherwise skip the person it should ask.
	 * @param caller the caller
	 * @return true when its {@code "confirmed": true} counts
	 */
	public boolean mayPreconfirm(Principal caller) {
		return caller.role().includes(Role.BUILDER)
				|| (caller.role() == Role.CLIENT && settings(caller.tenant()).allowClientPreconfirm());
	}

}
