package io.ruche.stores.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;

/** Interlocutor profiles in {@code interlocutors}; erasure deletes the row. */
final class JdbcInterlocutorStore implements InterlocutorStore {

	private final TenantTransactions tx;

	private final Json json;

	JdbcInterlocutorStore(TenantTransactions tx, Json json) {
		this.tx = tx;
		this.json = json;
	}

	@Override
	public void save(Interlocutor interlocutor) {
		try {
			upsert(interlocutor);
		}
		catch (StoreConflictException ex) {
			// A concurrent first save inserted the row meanwhile: this one now updates
			// it.
			upsert(interlocutor);
		}
	}

	private void upsert(Interlocutor interlocutor) {
		String body = this.json.write(new Body(interlocutor.fields(), interlocutor.personalFields()));
		this.tx.inTenant(interlocutor.tenant(), (jdbc) -> {
			int updated = jdbc.sql("UPDATE interlocutors SET body = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
				.params(body, Rows.ts(interlocutor.updatedAt()), interlocutor.tenant().value(), interlocutor.id())
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO interlocutors (tenant_id, id, body, updated_at) VALUES (?, ?, ?, ?)")
					.params(interlocutor.tenant().value(), interlocutor.id(), body, Rows.ts(interlocutor.updatedAt()))
					.update();
			}
			return updated;
		});
	}

	@Override
	public Optional<Interlocutor> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("SELECT * FROM interlocutors WHERE tenant_id = ? AND id = ?")
					.params(tenant.value(), id)
					.query((rs, row) -> {
						Body body = this.json.read(rs.getString("body"), Body.class);
						return new Interlocutor(Rows.tenant(rs), rs.getString("id"), body.fields(),
								body.personalFields(), Rows.instant(rs, "updated_at"));
					})
					.optional());
	}

	@Override
	public boolean erase(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				(jdbc) -> jdbc.sql("DELETE FROM interlocutors WHERE tenant_id = ? AND id = ?")
					.params(tenant.value(), id)
					.update() > 0);
	}

	/** The JSON body of a profile row. */
	private record Body(Map<String, String> fields, Set<String> personalFields) {
	}

}
