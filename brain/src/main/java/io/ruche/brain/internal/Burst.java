package io.ruche.brain.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ruche.brain.model.Accumulation;
import io.ruche.brain.model.InboxMessage;
import org.jspecify.annotations.Nullable;

/**
 * The messages one converse turn answers: the caller's alone (no {@code messages}), or
 * the kept messages of a burst under {@code merge} or {@code supersede}, oldest first
 * (docs/brain.md, Fabric).
 *
 * @param mode the agent's accumulation
 * @param messages the kept messages the turn answers, or empty for the caller's alone
 * @param superseded the earlier runs of the turn that newer messages cancelled, as the
 * trace lists them
 */
record Burst(Accumulation.Mode mode, List<InboxMessage> messages, List<Map<String, Object>> superseded) {

	Burst {
		messages = List.copyOf(messages);
		superseded = List.copyOf(superseded);
	}

	static Burst alone(Accumulation.Mode mode) {
		return new Burst(mode, List.of(), List.of());
	}

	/** The text the turn reads: the messages one per line, oldest first. */
	String text(String own) {
		return this.messages.isEmpty() ? own
				: this.messages.stream().map(InboxMessage::text).map(String::strip).collect(Collectors.joining("\n"));
	}

	/**
	 * The message id the turn is recorded under, which also keys its tools: the oldest
	 * message's, the same in every run of a superseded turn.
	 */
	@Nullable String messageId(@Nullable String own) {
		return this.messages.isEmpty() ? own : this.messages.get(0).messageId();
	}

	List<String> ids() {
		return this.messages.stream().map(InboxMessage::messageId).toList();
	}

}
