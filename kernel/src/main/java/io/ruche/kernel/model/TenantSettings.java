package io.ruche.kernel.model;

/**
 * The settings a tenant's admins choose for the whole tenant.
 *
 * @param allowClientPreconfirm whether a {@code client} key may confirm, in the body of a
 * REST call ({@code "confirmed": true}), a tool that requires a person's confirmation;
 * {@code builder} and {@code admin} keys always may. Off by default: a client program
 * could otherwise skip the person it should ask
 * @param retentionDays how many days turns and their traces are kept before the periodic
 * purge deletes them, from 1 to {@link #MAX_RETENTION_DAYS}; 0 (the default) keeps them
 * (docs/privacy.md, Retention)
 * @param turnsPerMinute the most turns of the whole tenant in one minute, 0 for no limit
 * of the tenant's own (the platform's still applies; docs/brain.md, Budgets)
 * @param modelTokensPerDay the most tokens of the configured model the whole tenant uses
 * in one UTC day, 0 for no limit of the tenant's own
 */
public record TenantSettings(boolean allowClientPreconfirm, int retentionDays, long turnsPerMinute,
		long modelTokensPerDay) {

	/** The longest retention that can be set: ten years. */
	public static final int MAX_RETENTION_DAYS = 3650;

	/** The settings of a tenant no admin has changed. */
	public static final TenantSettings DEFAULTS = new TenantSettings(false, 0, 0, 0);

	public TenantSettings {
		if (retentionDays < 0 || retentionDays > MAX_RETENTION_DAYS) {
			throw new IllegalArgumentException("retention_days must be between 0 (keep turns) and " + MAX_RETENTION_DAYS
					+ ", was " + retentionDays);
		}
		if (turnsPerMinute < 0 || modelTokensPerDay < 0) {
			throw new IllegalArgumentException(
					"turns_per_minute and model_tokens_per_day must be 0 (no limit) or more");
		}
	}

	/** Settings that keep turns forever and set no budget of the tenant's own. */
	public TenantSettings(boolean allowClientPreconfirm) {
		this(allowClientPreconfirm, 0, 0, 0);
	}

	/**
	 * Settings with no budget of the tenant's own.
	 * @param allowClientPreconfirm see {@link #allowClientPreconfirm()}
	 * @param retentionDays see {@link #retentionDays()}
	 */
	public TenantSettings(boolean allowClientPreconfirm, int retentionDays) {
		this(allowClientPreconfirm, retentionDays, 0, 0);
	}

}
