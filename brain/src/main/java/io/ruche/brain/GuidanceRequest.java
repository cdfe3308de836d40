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
 * @param messageId the caller's id of the message, or null: a message id already answered
 * in the session returns that turn instead of running a new one
 * @param version the configuration to guide with: null for the live one, {@code draft}
 * for the agent's draft, or a published version number
 */
public record GuidanceRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
		@Nullable String session, @Nullable String interlocutor, @Nullable ProgressListener progress,
		@Nullable String messageId, @Nullable String version) {

	/** A request guided by the live configuration. */
	public GuidanceRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
			@Nullable String session, @Nullable String interlocutor, @Nullable ProgressListener progress,
			@Nullable String messageId) {
		this(tenant, actor, agent, message, session, interlocutor, progress, messageId, null);
	}

	public GuidanceRequest {
		if (message.isBlank()) {
			throw new IllegalArgumentException("message must not be blank");
		}
		MessageIds.check(messageId);
		Versions.check(version);
	}

}
