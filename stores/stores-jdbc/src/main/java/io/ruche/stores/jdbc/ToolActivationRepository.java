package io.ruche.stores.jdbc;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The tool activations of an agent; rows are written through {@link Upserts}. */
interface ToolActivationRepository extends Repository<ToolActivationRow, ToolActivationRow.Key> {

	@Query("SELECT * FROM tool_activations WHERE tenant_id = :tenant AND agent_id = :agent ORDER BY tool_name")
	List<ToolActivationRow> ofAgent(String tenant, String agent);

}
