package io.ruche.brain;

import java.util.List;

import io.ruche.brain.model.Accumulation;
import org.jspecify.annotations.Nullable;

/**
 * Which messages the turn of a reply answered, from the point of view of one caller
 * (docs/brain.md, Fabric).
 *
 * @param messageId the caller's message id: the one it sent, or the one its message got
 * on arrival under {@code merge} or {@code supersede}; null when it sent none under
 * {@code queue}
 * @param accumulation the agent's accumulation when the turn ran
 * @param messages the ids of the messages the turn answered, oldest first; empty when its
 * one message had no id
 * @param merged whether the turn answered other messages than the caller's too (a merged
 * or superseding turn)
 * @param superseded how many runs of the turn newer messages cancelled before it
 * committed
 */
public record Answered(@Nullable String messageId, Accumulation.Mode accumulation, List<String> messages,
		boolean merged, int superseded) {

	public Answered {
		messages = List.copyOf(messages);
	}

	/**
	 * The answer of a turn that answered one message, its own.
	 * @param messageId the message id, or null
	 * @param accumulation the agent's accumulation
	 * @return the answer
	 */
	public static Answered alone(@Nullable String messageId, Accumulation.Mode accumulation) {
		return new Answered(messageId, accumulation, (messageId != null) ? List.of(messageId) : List.of(), false, 0);
	}

}
