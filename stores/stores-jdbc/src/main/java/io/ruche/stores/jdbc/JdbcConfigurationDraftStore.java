package io.ruche.stores.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.ruche.brain.model.ConfigurationDraft;
import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;

/**
 * The table {@code agent_drafts}: one row per agent, replaced revision by revision (an
 * update that finds no row at the previous revision is a conflict).
 */
final class JdbcConfigurationDraftStore implements ConfigurationDraftStore {

	private final TenantTransactions tx;

	JdbcConfigurationDraftStore(TenantTransactions tx) {
		this.tx = tx;
	}

	@Override
	public Optional<ConfigurationDraft> find(TenantId tenant, String agentId) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM agent_drafts WHERE tenant_id = ? AND agent_id = ?")
					.params(tenant.value(), agentId)
					.query(JdbcConfigurationDraftStore::map)
					.optional());
	}

	@Override
	public void save(ConfigurationDraft draft) {
		int written = this.tx.inTenant(draft.tenant(), (jdbc) -> {
			if (draft.revision() == 1) {
				return jdbc
					.sql("""
							INSERT INTO agent_drafts (tenant_id, agent_id, base_version, revision, author, updated_at, document)
							VALUES (?, ?, ?, ?, ?, ?, ?)""")
					.params(draft.tenant().value(), draft.agentId(), draft.baseVersion(), draft.revision(),
							draft.author(), Rows.ts(draft.updatedAt()), draft.document())
					.update();
			}
			return jdbc.sql("""
					UPDATE agent_drafts SET base_version = ?, revision = ?, author = ?, updated_at = ?, document = ?
					WHERE tenant_id = ? AND agent_id = ? AND revision = ?""")
				.params(draft.baseVersion(), draft.revision(), draft.author(), Rows.ts(draft.updatedAt()),
						draft.document(), draft.tenant().value(), draft.agentId(), draft.revision() - 1)
				.update();
		});
		if (written == 0) {
			throw new StoreConflictException("the draft of agent " + draft.agentId() + " is no longer at revision "
					+ (draft.revision() - 1) + ": read it again");
		}
	}

	@Override
	public boolean delete(TenantId tenant, String agentId, long revision) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("DELETE FROM agent_drafts WHERE tenant_id = ? AND agent_id = ? AND revision = ?")
					.params(tenant.value(), agentId, revision)
					.update()) > 0;
	}

	private static ConfigurationDraft map(ResultSet rs, int row) throws SQLException {
		return new ConfigurationDraft(Rows.tenant(rs), rs.getString("agent_id"), rs.getLong("base_version"),
				rs.getLong("revision"), rs.getString("author"), Rows.instant(rs, "updated_at"),
				rs.getString("document"));
	}

}
