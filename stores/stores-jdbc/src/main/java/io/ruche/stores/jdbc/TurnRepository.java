package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The turns of a session; rows are inserted through the template, their key being known.
 */
interface TurnRepository extends Repository<TurnRow, TurnRow.Key> {

	@Query("SELECT * FROM turns WHERE tenant_id = :tenant AND session_id = :session ORDER BY turn")
	List<TurnRow> ofSession(String tenant, String session);

	@Query("""
			SELECT * FROM turns WHERE tenant_id = :tenant AND session_id = :session AND message_id = :messageId
			ORDER BY turn DESC LIMIT 1""")
	Optional<TurnRow> latestForMessage(String tenant, String session, String messageId);

	@Modifying
	@Query("""
			UPDATE turns SET response = :response
			WHERE tenant_id = :tenant AND session_id = :session AND turn = :turn AND response IS NULL""")
	boolean commitResponse(String tenant, String session, int turn, String response);

}
