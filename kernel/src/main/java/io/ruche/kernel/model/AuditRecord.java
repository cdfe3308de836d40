package io.ruche.kernel.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One audited action: who did what to which object, and how it ended. The lengths below
 * are what every {@link io.ruche.kernel.port.AuditLog} keeps; a longer value is refused
 * here, before anything is stored, so that an action is never left without its record for
 * want of room.
 *
 * @param tenant the tenant the action happened in
 * @param id the record id
 * @param actor the key id (or {@code system}) that acted, at most {@value #MAX_ACTOR}
 * characters
 * @param action a dotted verb such as {@code rule.upsert}, {@code tool.invoke} or
 * {@code turn}, at most {@value #MAX_ACTION} characters
 * @param subject the id of the object acted on, at most {@value #MAX_SUBJECT} characters
 * @param sessionId the conversation session, when the action belongs to one, at most
 * {@value #MAX_SESSION_ID} characters
 * @param outcome {@code ok} or a failure status, at most {@value #MAX_OUTCOME} characters
 * @param durationMs how long the action took
 * @param details extra facts (never secrets or personal values)
 * @param at when the action finished
 */
public record AuditRecord(TenantId tenant, String id, String actor, String action, String subject,
		@Nullable String sessionId, String outcome, long durationMs, Map<String, String> details, Instant at) {

	/** The longest actor kept. */
	public static final int MAX_ACTOR = 200;

	/** The longest action kept. */
	public static final int MAX_ACTION = 200;

	/** The longest subject kept. */
	public static final int MAX_SUBJECT = 500;

	/** The longest session id kept. */
	public static final int MAX_SESSION_ID = 200;

	/** The longest outcome kept. */
	public static final int MAX_OUTCOME = 200;

	public AuditRecord {
		requireAtMost("actor", actor, MAX_ACTOR);
		requireAtMost("action", action, MAX_ACTION);
		requireAtMost("subject", subject, MAX_SUBJECT);
		if (sessionId != null) {
			requireAtMost("session id", sessionId, MAX_SESSION_ID);
		}
		requireAtMost("outcome", outcome, MAX_OUTCOME);
		details = Map.copyOf(details);
	}

	/**
	 * The record of a change that succeeded: who (the actor's id, and its role in the
	 * details under {@code role}), what, to which object, and when.
	 * @param tenant the tenant whose data changed
	 * @param actor who changed it
	 * @param action a dotted verb such as {@code rule.upsert}
	 * @param subject the id of the object changed
	 * @param details short facts about the change (never secrets or personal values)
	 * @param at when it changed
	 * @return the record, with a new id
	 */
	public static AuditRecord change(TenantId tenant, Actor actor, String action, String subject,
			Map<String, String> details, Instant at) {
		Map<String, String> withRole = new LinkedHashMap<>(details);
		withRole.put("role", actor.roleName());
		return new AuditRecord(tenant, Ids.newId("aud"), actor.id(), action, subject, null, "ok", 0, withRole, at);
	}

	private static void requireAtMost(String field, String value, int max) {
		if (value.length() > max) {
			throw new IllegalArgumentException(
					"audit " + field + " must be at most " + max + " characters, not " + value.length());
		}
	}

}
