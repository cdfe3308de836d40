package io.ruche.stores.jdbc;

import java.time.Instant;

import io.ruche.brain.model.InboxMessage;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code session_messages}: a message of a burst and the turn that answered it.
 */
@Table("session_messages")
record InboxRow(@Id Key key, String message, Instant receivedAt, @Nullable Integer turn) {

	static InboxRow of(InboxMessage message) {
		return new InboxRow(new Key(message.tenant().value(), message.sessionId(), message.messageId()), message.text(),
				Rows.micros(message.receivedAt()), message.turn());
	}

	InboxMessage toMessage() {
		return new InboxMessage(TenantId.of(this.key.tenantId()), this.key.sessionId(), this.key.messageId(),
				this.message, this.receivedAt, this.turn);
	}

	/**
	 * The primary key {@code (tenant_id, session_id, message_id)}: a message is kept
	 * once.
	 */
	record Key(String tenantId, String sessionId, String messageId) {
	}

}
