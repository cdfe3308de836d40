package io.ruche.kernel.model;

/**
 * The settings a tenant's admins choose for the whole tenant.
 *
 * @param allowClientPreconfirm whether a {@code client} key may confirm, in the body of a
 * REST call ({@code "confirmed": true}), a tool that requires a person's confirmation;
 * {@code builder} and {@code admin} keys always may. Off by default: a client program
 * could otherwise skip the person it should ask
 * @param turnsPerMinute the most turns of the whole tenant in one minute, 0 for no limit
 * of the tenant's own (the platform's still applies)
 * @param modelTokensPerDay the most tokens of the configured model the whole tenant uses
 * in one UTC day, 0 for no limit of the tenant's own
 */
public record TenantSettings(boolean allowClientPreconfirm, long turnsPerMinute, long modelTokensPerDay) {

	/** The settings of a tenant no admin has changed. */
	public static final TenantSettings DEFAULTS = new TenantSettings(false, 0, 0);

	public TenantSettings {
		if (turnsPerMinute < 0 || modelTokensPerDay < 0) {
			throw new IllegalArgumentException(
					"turns_per_minute and model_tokens_per_day must be 0 (no limit) or more");
		}
	}

	/**
	 * Settings without budgets of the tenant's own.
	 * @param allowClientPreconfirm see {@link #allowClientPreconfirm()}
	 */
	public TenantSettings(boolean allowClientPreconfirm) {
		this(allowClientPreconfirm, 0, 0);
	}

}
