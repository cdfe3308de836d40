package io.ruche.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.kernel.port.AuditLog;
import io.ruche.kernel.port.TenantStore;

/**
 * A tenant's settings: reads them, changes them (audited as {@code tenant.settings}) and
 * applies the confirmation policy they set. Read once per turn for the tenant's budgets,
 * they are kept for a short time: a change made on this instance applies at once, one
 * made on another instance within that time.
 */
public class TenantSettingsService {

	private static final int MAX_CACHED = 10_000;

	private final TenantStore tenants;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * @param tenants the tenant store
	 * @param audit the audit log
	 * @param clock the clock
	 * @param cacheTtl how long settings read are kept before they are read again
	 */
	public TenantSettingsService(TenantStore tenants, AuditLog audit, Clock clock, Duration cacheTtl) {
		this.tenants = tenants;
		this.audit = audit;
		this.clock = clock;
		this.cacheTtl = cacheTtl;
	}

	public TenantSettings settings(TenantId tenant) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(tenant);
		if (cached != null && now.isBefore(cached.until())) {
			return cached.settings();
		}
		if (this.cache.size() > MAX_CACHED) {
			this.cache.clear();
		}
		TenantSettings settings = this.tenants.settings(tenant);
		this.cache.put(tenant, new Cached(settings, now.plus(this.cacheTtl)));
		return settings;
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
		this.cache.remove(admin.tenant());
		this.audit.append(AuditRecord.change(admin.tenant(), admin.actor(), "tenant.settings", admin.tenant().value(),
				Map.of("allow_client_preconfirm", String.valueOf(settings.allowClientPreconfirm()), "retention_days",
						String.valueOf(settings.retentionDays()), "turns_per_minute",
						String.valueOf(settings.turnsPerMinute()), "model_tokens_per_day",
						String.valueOf(settings.modelTokensPerDay())),
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

	private record Cached(TenantSettings settings, Instant until) {
	}

}
