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
 */
public record TenantSettings(boolean allowClientPreconfirm, int retentionDays) {

	/** The longest retention that can be set: ten years. */
	public static final int MAX_RETENTION_DAYS = 3650;

	/** The settings of a tenant no admin has changed. */
	public static final TenantSettings DEFAULTS = new TenantSettings(false, 0);

	public TenantSettings {
		if (retentionDays < 0 || retentionDays > MAX_RETENTION_DAYS) {
			throw new IllegalArgumentException("retention_days must be between 0 (keep turns) and " + MAX_RETENTION_DAYS
					+ ", was " + retentionDays);
		}
	}

	/** Settings that keep turns forever. */
	public TenantSettings(boolean allowClientPreconfirm) {
		this(allowClientPreconfirm, 0);
	}

}
