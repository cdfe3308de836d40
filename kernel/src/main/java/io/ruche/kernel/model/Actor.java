package io.ruche.kernel.model;

import org.jspecify.annotations.Nullable;

/**
 * Who acts, as the audit names it: an API key with its role, or the platform itself
 * (bootstrap, the listeners of upstream MCP servers).
 *
 * @param id the key id, or the name of the platform's own actor such as {@code system}
 * @param role the key's role, or null for the platform itself
 */
public record Actor(String id, @Nullable Role role) {

	/** The platform itself, acting on its own (the bootstrap of the first tenant). */
	public static final Actor SYSTEM = new Actor("system", null);

	public Actor {
		if (id.isBlank() || id.length() > AuditRecord.MAX_ACTOR) {
			throw new IllegalArgumentException("actor id must be 1-" + AuditRecord.MAX_ACTOR + " characters");
		}
	}

	/**
	 * An API key acting.
	 * @param keyId the key id
	 * @param role its role
	 * @return the actor
	 */
	public static Actor key(String keyId, Role role) {
		return new Actor(keyId, role);
	}

	/**
	 * The role as the audit records it: the key's role, or {@code system}.
	 * @return the role name, never null
	 */
	public String roleName() {
		return (this.role != null) ? this.role.wireName() : "system";
	}

}
