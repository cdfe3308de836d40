package io.ruche.kernel.model;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One audited action: who did what to which object, and how it ended.
 *
 * @param tenant the tenant the action happened in
 * @param id the record id
 * @param actor the key id (or {@code system}) that acted
 * @param action a dotted verb such as {@code rule.upsert}, {@code tool.invoke} or
 * {@code turn}
 * @param subject the id of the object acted on
 * @param sessionId the conversation session, when the action belongs to one
 * @param outcome {@code ok} or a failure status
 * @param durationMs how long the action took
 * @param details extra facts (never secrets or personal values)
 * @param at when the action finished
 */
public record AuditRecord(TenantId tenant, String id, String actor, String action, String subject,
		@Nullable String sessionId, String outcome, long durationMs, Map<String, String> details, Instant at) {

	public AuditRecord {
		details = Map.copyOf(details);
	}

}
