package io.ruche.stores.jdbc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The invocation ledger; entries are inserted through the template, their key being
 * known.
 */
interface LedgerRepository extends Repository<LedgerRow, LedgerRow.Key> {

	Optional<LedgerRow> findById(LedgerRow.Key key);

	@Modifying
	@Query("""
			UPDATE invocation_ledger SET state = :state, outcome_json = :outcome, finished_at = :finishedAt
			WHERE tenant_id = :tenant AND tool_name = :tool AND idempotency_key = :idempotencyKey""")
	void finish(String tenant, String tool, String idempotencyKey, String state, String outcome, Instant finishedAt);

}
