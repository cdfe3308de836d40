package io.ruche.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ruche.brain.model.Budget;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.model.TenantSettings;
import io.ruche.server.security.BearerAuthenticationFilter;
import io.ruche.server.security.Principal;
import io.ruche.server.security.TenantSettingsService;
import io.ruche.server.wire.Args;
import io.ruche.server.wire.InvalidArgumentsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The settings of the caller's tenant: read by any key, changed by its admins.
 */
@RestController
@RequestMapping("/api/tenant/settings")
@Tag(name = "Tenant settings", description = "Settings of the caller's tenant (admin to change)")
public class TenantSettingsController {

	private static final String ALLOW_CLIENT_PRECONFIRM = "allow_client_preconfirm";

	private static final String RETENTION_DAYS = "retention_days";

	private static final Set<String> NAMES = Set.of(ALLOW_CLIENT_PRECONFIRM, RETENTION_DAYS, Budget.TURNS_PER_MINUTE,
			Budget.MODEL_TOKENS_PER_DAY);

	private final TenantSettingsService settings;

	public TenantSettingsController(TenantSettingsService settings) {
		this.settings = settings;
	}

	@RequiresRole(value = Role.VIEWER, operation = "reading the tenant's settings")
	@GetMapping
	@Operation(summary = "The tenant's settings (viewer): {\"allow_client_preconfirm\": false, \"retention_days\": 0, "
			+ "\"turns_per_minute\": 0, \"model_tokens_per_day\": 0}")
	public Map<String, Object> get(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal) {
		return view(this.settings.settings(principal.tenant()));
	}

	@RequiresRole(value = Role.ADMIN, operation = "changing the tenant's settings")
	@PutMapping
	@Operation(summary = "Change the tenant's settings (admin); settings left out keep their value; audited as "
			+ "tenant.settings")
	public Map<String, Object> put(@RequestAttribute(BearerAuthenticationFilter.PRINCIPAL) Principal principal,
			@RequestBody Map<String, Object> body) {
		Set<String> unknown = new TreeSet<>(body.keySet());
		unknown.removeAll(NAMES);
		if (!unknown.isEmpty()) {
			throw new InvalidArgumentsException("unknown tenant setting(s) " + unknown + ": the settings are " + NAMES);
		}
		TenantSettings current = this.settings.settings(principal.tenant());
		Args args = new Args(body);
		int retention = args.integer(RETENTION_DAYS, current.retentionDays());
		if (retention < 0 || retention > TenantSettings.MAX_RETENTION_DAYS) {
			throw new InvalidArgumentsException(RETENTION_DAYS + " must be between 0 (keep turns) and "
					+ TenantSettings.MAX_RETENTION_DAYS + " days, was " + retention);
		}
		return view(this.settings.update(principal,
				new TenantSettings(args.bool(ALLOW_CLIENT_PRECONFIRM, current.allowClientPreconfirm()), retention,
						limit(args, Budget.TURNS_PER_MINUTE, current.turnsPerMinute()),
						limit(args, Budget.MODEL_TOKENS_PER_DAY, current.modelTokensPerDay()))));
	}

	private static long limit(Args args, String name, long current) {
		long value = args.longValue(name, current);
		if (value < 0) {
			throw new InvalidArgumentsException(name + " must be 0 (no limit of the tenant's own) or more");
		}
		return value;
	}

	private static Map<String, Object> view(TenantSettings settings) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put(ALLOW_CLIENT_PRECONFIRM, settings.allowClientPreconfirm());
		view.put(RETENTION_DAYS, settings.retentionDays());
		view.put(Budget.TURNS_PER_MINUTE, settings.turnsPerMinute());
		view.put(Budget.MODEL_TOKENS_PER_DAY, settings.modelTokensPerDay());
		return view;
	}

}
