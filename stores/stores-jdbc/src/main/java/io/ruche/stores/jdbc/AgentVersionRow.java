package io.ruche.stores.jdbc;

import java.time.Instant;

import io.ruche.brain.model.AgentVersion;
import io.ruche.kernel.model.TenantId;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the append-only table {@code agent_versions}: the exported agent as text, with
 * who published it, when and why.
 */
@Table("agent_versions")
record AgentVersionRow(@Id Key key, String author, String summary, Instant createdAt, String document) {

	static AgentVersionRow of(AgentVersion version) {
		return new AgentVersionRow(new Key(version.tenant().value(), version.agentId(), version.number()),
				version.author(), version.summary(), Rows.micros(version.createdAt()), version.document());
	}

	AgentVersion toVersion() {
		return new AgentVersion(TenantId.of(this.key.tenantId()), this.key.agentId(), this.key.versionNumber(),
				this.author, this.summary, this.createdAt, this.document);
	}

	/**
	 * The primary key {@code (tenant_id, agent_id, version_number)}: it refuses a number
	 * taken by a concurrent publish.
	 */
	record Key(String tenantId, String agentId, long versionNumber) {
	}

}
