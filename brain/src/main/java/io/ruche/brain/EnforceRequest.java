package io.ruche.brain;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A draft reply to check.
 *
 * @param tenant the tenant
 * @param actor who asks (the calling key and its role), for the audit
 * @param agent the agent name or id; may be null when {@code session} is given
 * @param draft the draft reply
 * @param session the session, or null to check against the global constraints only
 * @param commit whether to record a passing draft as the reply of the session's last turn
 */
public record EnforceRequest(TenantId tenant, Actor actor, @Nullable String agent, String draft,
		@Nullable String session, boolean commit) {
}
