package io.ruche.brain;

import java.time.Duration;

import io.ruche.brain.model.Budget;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a pipeline call: a result, or an expected failure with a message a
 * client can act on.
 *
 * @param <T> the result type
 */
public sealed interface TurnOutcome<T> {

	/**
	 * An expected failure: nothing to return, a message to show.
	 *
	 * @param <T> the result type
	 */
	sealed interface Failure<T> extends TurnOutcome<T> {

		/**
		 * What went wrong, in the caller's terms (lower case, no final period).
		 * @return the message
		 */
		String message();

	}

	/**
	 * The call succeeded.
	 *
	 * @param <T> the result type
	 * @param result the result
	 */
	record Completed<T>(T result) implements TurnOutcome<T> {
	}

	/**
	 * No agent has this name or id in the tenant.
	 *
	 * @param <T> the result type
	 * @param agent the name or id asked for
	 */
	record UnknownAgent<T>(String agent) implements Failure<T> {

		@Override
		public String message() {
			return (this.agent.isEmpty()) ? "no agent given: pass 'agent' or an existing 'session'"
					: "unknown agent '" + this.agent + "'";
		}

	}

	/**
	 * No session has this id in the tenant (or it belongs to another agent).
	 *
	 * @param <T> the result type
	 * @param session the id asked for
	 */
	record UnknownSession<T>(String session) implements Failure<T> {

		@Override
		public String message() {
			return "unknown session '" + this.session + "'";
		}

	}

	/**
	 * Nothing could produce a reply: no model, no sampling, no template, no fallback
	 * text. The turn is recorded all the same (its fields, moves and trace).
	 *
	 * @param <T> the result type
	 * @param message what to configure
	 * @param session the session the turn was recorded in
	 * @param trace the turn's trace
	 */
	record NoModelAvailable<T>(String message, String session, String trace) implements Failure<T> {
	}

	/**
	 * The turns ahead of the message in its session did not finish within the bounded
	 * wait ({@code platform.turns.max-wait}); the caller may send the message again.
	 *
	 * @param <T> the result type
	 * @param session the session
	 * @param waited how long the message waited
	 * @param messageId the message's id when it is kept for the session's next turn
	 * ({@code merge}, {@code supersede}), else null
	 */
	record WaitExceeded<T>(String session, Duration waited, @Nullable String messageId) implements Failure<T> {

		@Override
		public String message() {
			String busy = "session " + this.session + " was still busy with earlier turns after "
					+ this.waited.toMillis() + " ms; ";
			return busy + ((this.messageId != null)
					? "the message is kept and answered by the next turn: send it " + "again with message_id '"
							+ this.messageId + "' to get that answer"
					: "nothing ran for this message: send it again (with the same message_id, if it had one)");
		}

	}

	/**
	 * The message id was already used in the session for another message, or for a turn
	 * of the other kind (converse versus guidance): nothing ran.
	 *
	 * @param <T> the result type
	 * @param session the session
	 * @param messageId the id sent again
	 * @param turn the turn that answered it, or null while the message waits for a turn
	 * @param reason what differs
	 */
	record MessageIdReused<T>(String session, String messageId, @Nullable Integer turn,
			String reason) implements Failure<T> {

		@Override
		public String message() {
			String used = (this.turn != null) ? "already answered turn " + this.turn + " of session "
					: "already waits for a turn in session ";
			return "message_id '" + this.messageId + "' " + used + this.session + " " + this.reason
					+ "; send a new message_id for a new message";
		}

	}

	/**
	 * The session is closed ({@code session_close}, or quiet for the agent's
	 * {@code close_after}): it takes no more turns.
	 *
	 * @param <T> the result type
	 * @param session the session
	 */
	record SessionClosed<T>(String session) implements Failure<T> {

		@Override
		public String message() {
			return "session " + this.session + " is closed; start a new one by omitting 'session' (pass the same "
					+ "'interlocutor' to keep what is known about them)";
		}

	}

	/**
	 * A budget of the tenant or of the agent is spent: nothing ran and nothing was
	 * recorded (docs/brain.md, Budgets).
	 *
	 * @param <T> the result type
	 * @param scope {@code tenant} or {@code agent}
	 * @param budget the spent budget, {@code turns_per_minute} or
	 * {@code model_tokens_per_day}
	 * @param limit the budget's limit
	 * @param retryAfter how long until the budget's window ends
	 */
	record BudgetExceeded<T>(String scope, String budget, long limit, Duration retryAfter) implements Failure<T> {

		/**
		 * The wait in whole seconds, rounded up and at least 1.
		 * @return the seconds to wait before a retry
		 */
		public long retryAfterSeconds() {
			long seconds = (this.retryAfter.toMillis() + 999) / 1000;
			return Math.max(1, seconds);
		}

		@Override
		public String message() {
			String unit = Budget.TURNS_PER_MINUTE.equals(this.budget) ? "turns per minute" : "model tokens per UTC day";
			return "the " + this.scope + " budget " + this.budget + " (" + this.limit + " " + unit
					+ ") is spent; retry after " + retryAfterSeconds() + " s";
		}

	}

}
