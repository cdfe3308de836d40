package io.ruche.brain.port;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Trace;
import io.ruche.brain.model.TurnRecord;
import io.ruche.kernel.model.TenantId;

/**
 * Stores turn records and their traces. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
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

}
