package io.ruche.brain.port;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.InboxMessage;
import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.kernel.model.TenantId;

/**
 * Stores turn records and their traces, and the messages of a burst until a turn answers
 * them (the session's inbox). Failures are {@link io.ruche.kernel.store.StoreException}s.
 */
public interface TurnStore {

	/**
	 * Stores a turn and its trace together: both or neither.
	 * @param turn the turn record
	 * @param trace its trace
	 * @throws io.ruche.kernel.store.StoreConflictException when the session already has a
	 * turn with that number
	 */
	void record(TurnRecord turn, Trace trace);

	/**
	 * Lists a session's turns, oldest first.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @return the turns, never null
	 */
	List<TurnRecord> turns(TenantId tenant, String sessionId);

	/**
	 * Finds the latest turn of a session that answered a message id.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param messageId the caller's id of the message
	 * @return the turn, or empty
	 */
	Optional<TurnRecord> turnForMessage(TenantId tenant, String sessionId, String messageId);

	/**
	 * Finds a trace.
	 * @param tenant the tenant
	 * @param traceId the trace id
	 * @return the trace, or empty
	 */
	Optional<Trace> trace(TenantId tenant, String traceId);

	/**
	 * Records the reply of a turn that had none yet (a guidance turn whose draft the
	 * client committed).
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param turn the turn number
	 * @param response the reply
	 * @return true when the turn existed and had no reply
	 */
	boolean commitResponse(TenantId tenant, String sessionId, int turn, String response);

	/**
	 * Keeps a message that arrived in a session until a turn answers it; a message id
	 * already kept in the session is left as it is.
	 * @param message the message, not yet answered
	 * @return the message as kept: the one given, or the one kept earlier under its id
	 */
	InboxMessage receive(InboxMessage message);

	/**
	 * Lists the messages of a session that no turn answered yet, oldest first.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @return the messages, never null
	 */
	List<InboxMessage> pending(TenantId tenant, String sessionId);

	/**
	 * Finds a kept message of a session.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param messageId the message id
	 * @return the message, with the turn that answered it if any, or empty
	 */
	Optional<InboxMessage> message(TenantId tenant, String sessionId, String messageId);

	/**
	 * Marks messages of a session as answered by a turn; called in the transaction that
	 * records the turn.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @param messageIds the messages the turn answered
	 * @param turn the turn number
	 */
	void answer(TenantId tenant, String sessionId, List<String> messageIds, int turn);

}
