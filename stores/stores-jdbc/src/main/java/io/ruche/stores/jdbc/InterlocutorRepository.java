package io.ruche.stores.jdbc;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** Interlocutor profiles; erasure deletes the row. */
interface InterlocutorRepository extends CrudRepository<InterlocutorRow, TenantKey> {

	@Modifying
	@Query("DELETE FROM interlocutors WHERE tenant_id = :tenant AND id = :id")
	boolean erase(String tenant, String id);

}
