package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The versions of an agent, newest first; rows are inserted through the template, their
 * key being known.
 */
interface AgentVersionRepository extends Repository<AgentVersionRow, AgentVersionRow.Key> {

	@Query("""
			SELECT * FROM agent_versions
			WHERE tenant_id = :tenant AND agent_id = :agent AND version_number = :number""")
	Optional<AgentVersionRow> find(String tenant, String agent, long number);

	@Query("""
			SELECT * FROM agent_versions WHERE tenant_id = :tenant AND agent_id = :agent
			ORDER BY version_number DESC LIMIT :limit OFFSET :offset""")
	List<AgentVersionRow> newestFirst(String tenant, String agent, int limit, int offset);

}
