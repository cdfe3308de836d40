package io.ruche.kernel.model;

/**
 * The settings a tenant's admins choose for the whole tenant.
 *
 * @param allowClientPreconfirm whether a {@code client} key may confirm, in the body of a
 * REST call ({@code "confirmed": true}), a tool that requires a person's confirmation;
 * {@code builder} and {@code admin} keys always may. Off by default: a client program
 * could otherwise skip the person it should ask
 */
public record TenantSettings(boolean allowClientPreconfirm) {

	/** The settings of a tenant no admin has changed. */
	public static final TenantSettings DEFAULTS = new TenantSettings(false);

}
