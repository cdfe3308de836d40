package io.ruche.brain;

import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A message the client's own model will answer, with guidance from the agent.
 *
 * @param tenant the tenant
 * @param actor who asks (the calling key and its role), for the audit
 * @param agent the agent name or id; may be null when {@code session} is given
 * @param message the interlocutor's message
 * @param session the session id, or null to start one
 * @param interlocutor the interlocutor id, or null
 * @param progress hears each phase, or null
 */
public record GuidanceRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
		@Nullable String session, @Nullable String interlocutor, @Nullable ProgressListener progress) {

	public GuidanceRequest {
		if (message.isBlank()) {
			throw new IllegalArgumentException("message must not be blank");
		}
	}

}
