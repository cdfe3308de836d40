package io.ruche.stores.jdbc;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The audit log of a tenant; records are inserted through the template. */
interface AuditRepository extends Repository<AuditRow, Long> {

	@Query("""
			SELECT * FROM audit_log WHERE tenant_id = :tenant ORDER BY occurred_at DESC, seq DESC
			LIMIT :limit OFFSET :offset""")
	List<AuditRow> page(String tenant, int limit, int offset);

	@Query("""
			SELECT * FROM audit_log WHERE tenant_id = :tenant AND action IN (:actions)
			ORDER BY occurred_at DESC, seq DESC LIMIT :limit OFFSET :offset""")
	List<AuditRow> pageOf(String tenant, Collection<String> actions, int limit, int offset);

	@Query("SELECT * FROM audit_log WHERE tenant_id = :tenant AND session_id = :session ORDER BY occurred_at, seq")
	List<AuditRow> ofSession(String tenant, String session);

}
