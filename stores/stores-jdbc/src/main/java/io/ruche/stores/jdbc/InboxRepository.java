package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The messages of bursts; rows are inserted through the template, their key being known.
 */
interface InboxRepository extends Repository<InboxRow, InboxRow.Key> {

	Optional<InboxRow> findById(InboxRow.Key key);

	@Query("""
			SELECT * FROM session_messages WHERE tenant_id = :tenant AND session_id = :session AND turn IS NULL
			ORDER BY received_at, message_id""")
	List<InboxRow> pending(String tenant, String session);

	@Modifying
	@Query("""
			UPDATE session_messages SET turn = :turn
			WHERE tenant_id = :tenant AND session_id = :session AND message_id IN (:ids) AND turn IS NULL""")
	int answer(String tenant, String session, List<String> ids, int turn);

}
