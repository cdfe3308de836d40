package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The agents of a tenant; names are unique per tenant. */
interface AgentRepository extends CrudRepository<AgentRow, TenantKey> {

	@Query("SELECT * FROM agents WHERE tenant_id = :tenant AND name = :name")
	Optional<AgentRow> findByName(String tenant, String name);

	@Query("SELECT * FROM agents WHERE tenant_id = :tenant ORDER BY name, id")
	List<AgentRow> list(String tenant);

	@Modifying
	@Query("DELETE FROM agents WHERE tenant_id = :tenant AND id = :id")
	int remove(String tenant, String id);

}
