package io.ruche.brain.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A message of a session under {@code merge} or {@code supersede} accumulation, kept from
 * its arrival until a turn answers it, so that no message of a burst is lost, whichever
 * instance received it (docs/brain.md, Fabric).
 *
 * @param tenant the tenant
 * @param sessionId the session
 * @param messageId the caller's message id, or one given to it on arrival
 * @param text the message
 * @param receivedAt when it arrived
 * @param turn the turn that answered it, or null while it waits
 */
public record InboxMessage(TenantId tenant, String sessionId, String messageId, String text, Instant receivedAt,
		@Nullable Integer turn) {

	public InboxMessage {
		if (text.isBlank()) {
			throw new IllegalArgumentException("message must not be blank");
		}
	}

}
