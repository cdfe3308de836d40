package io.ruche.kernel.model;

import java.util.Locale;

/**
 * The role of an API key. Roles are cumulative: each one may do everything the roles
 * below it may.
 */
public enum Role {

	VIEWER, CLIENT, BUILDER, ADMIN;

	/**
	 * Tells whether this role includes the rights of {@code required}.
	 * @param required the role an operation needs
	 * @return true when this role is {@code required} or above it
	 */
	public boolean includes(Role required) {
		return ordinal() >= required.ordinal();
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a role name such as {@code builder}, case-insensitively.
	 * @param name the name to parse
	 * @return the role
	 * @throws IllegalArgumentException naming the accepted values when the name is
	 * unknown
	 */
	public static Role parse(String name) {
		for (Role role : values()) {
			if (role.wireName().equalsIgnoreCase(name.trim())) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + name + "': expected admin, builder, client or viewer");
	}

}
