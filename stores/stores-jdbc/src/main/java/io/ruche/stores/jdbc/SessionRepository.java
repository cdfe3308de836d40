package io.ruche.stores.jdbc;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The sessions of a tenant, most recently updated first in pages. */
interface SessionRepository extends CrudRepository<SessionRow, TenantKey> {

	@Query("SELECT * FROM sessions WHERE tenant_id = :tenant ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
	List<SessionRow> page(String tenant, int limit, int offset);

	@Query("""
			SELECT * FROM sessions WHERE tenant_id = :tenant AND agent_id = :agent
			ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset""")
	List<SessionRow> pageOfAgent(String tenant, String agent, int limit, int offset);

	@Query("SELECT * FROM sessions WHERE tenant_id = :tenant AND interlocutor_id = :interlocutor ORDER BY created_at, id")
	List<SessionRow> ofInterlocutor(String tenant, String interlocutor);

}
