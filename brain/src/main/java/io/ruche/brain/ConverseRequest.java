package io.ruche.brain;

import io.ruche.brain.port.ToolConfirmation;
import io.ruche.kernel.model.Actor;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One message to answer.
 *
 * @param tenant the tenant
 * @param actor who asks (the calling key and its role), for the audit
 * @param agent the agent name or id; may be null when {@code session} is given
 * @param message the interlocutor's message
 * @param session the session id, or null to start one
 * @param interlocutor the interlocutor id, or null (a new one for a new session)
 * @param channel the channel name, or null for {@code mcp}
 * @param sampler the client's model through MCP sampling, or null
 * @param progress hears each phase, or null
 * @param confirmation asks the person before a tool that requires confirmation runs in
 * this turn, or null when the client cannot be asked
 * @param messageId the caller's id of the message, or null: a message id already answered
 * in the session returns that turn instead of running a new one
 * @param version the configuration to answer with: null for the live one, {@code draft}
 * for the agent's draft, or a published version number
 */
public record ConverseRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
		@Nullable String session, @Nullable String interlocutor, @Nullable String channel,
		@Nullable ReplySampler sampler, @Nullable ProgressListener progress, @Nullable ToolConfirmation confirmation,
		@Nullable String messageId, @Nullable String version) {

	/** A request answered with the live configuration. */
	public ConverseRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
			@Nullable String session, @Nullable String interlocutor, @Nullable String channel,
			@Nullable ReplySampler sampler, @Nullable ProgressListener progress,
			@Nullable ToolConfirmation confirmation, @Nullable String messageId) {
		this(tenant, actor, agent, message, session, interlocutor, channel, sampler, progress, confirmation, messageId,
				null);
	}

	/** A request whose client cannot be asked to confirm tools. */
	public ConverseRequest(TenantId tenant, Actor actor, @Nullable String agent, String message,
			@Nullable String session, @Nullable String interlocutor, @Nullable String channel,
			@Nullable ReplySampler sampler, @Nullable ProgressListener progress) {
		this(tenant, actor, agent, message, session, interlocutor, channel, sampler, progress, null, null, null);
	}

	public ConverseRequest {
		if (message.isBlank()) {
			throw new IllegalArgumentException("message must not be blank");
		}
		MessageIds.check(messageId);
		Versions.check(version);
	}

	public static ConverseRequest of(TenantId tenant, String agent, String message) {
		return new ConverseRequest(tenant, Actor.SYSTEM, agent, message, null, null, null, null, null);
	}

	public ConverseRequest inSession(String sessionId) {
		return new ConverseRequest(this.tenant, this.actor, this.agent, this.message, sessionId, this.interlocutor,
				this.channel, this.sampler, this.progress, this.confirmation, this.messageId, this.version);
	}

	public ConverseRequest withSampler(@Nullable ReplySampler replySampler) {
		return new ConverseRequest(this.tenant, this.actor, this.agent, this.message, this.session, this.interlocutor,
				this.channel, replySampler, this.progress, this.confirmation, this.messageId, this.version);
	}

	public ConverseRequest withMessageId(@Nullable String id) {
		return new ConverseRequest(this.tenant, this.actor, this.agent, this.message, this.session, this.interlocutor,
				this.channel, this.sampler, this.progress, this.confirmation, id, this.version);
	}

	public ConverseRequest withConfirmation(@Nullable ToolConfirmation toolConfirmation) {
		return new ConverseRequest(this.tenant, this.actor, this.agent, this.message, this.session, this.interlocutor,
				this.channel, this.sampler, this.progress, toolConfirmation, this.messageId, this.version);
	}

	public ConverseRequest withVersion(@Nullable String configuration) {
		return new ConverseRequest(this.tenant, this.actor, this.agent, this.message, this.session, this.interlocutor,
				this.channel, this.sampler, this.progress, this.confirmation, this.messageId, configuration);
	}

}
