package io.ruche.stores.jdbc;

import java.util.Optional;

import io.ruche.brain.model.Interlocutor;
import io.ruche.brain.port.InterlocutorStore;
import io.ruche.kernel.model.TenantId;

/**
 * Interlocutor profiles in {@code interlocutors} through {@link InterlocutorRepository}.
 */
final class JdbcInterlocutorStore implements InterlocutorStore {

	private final TenantTransactions tx;

	private final Upserts upserts;

	private final InterlocutorRepository repository;

	JdbcInterlocutorStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.upserts = new Upserts(aggregates.template());
		this.repository = aggregates.repository(InterlocutorRepository.class);
	}

	@Override
	public void save(Interlocutor interlocutor) {
		InterlocutorRow row = InterlocutorRow.of(interlocutor);
		Upserts.retryingOnce(() -> this.tx.inTenant(interlocutor.tenant(), () -> {
			this.upserts.write(row, row.key());
			return row;
		}));
	}

	@Override
	public Optional<Interlocutor> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				() -> this.repository.findById(TenantKey.of(tenant, id)).map(InterlocutorRow::toInterlocutor));
	}

	@Override
	public boolean erase(TenantId tenant, String id) {
		return this.tx.inTenant(tenant, () -> this.repository.erase(tenant.value(), id));
	}

}
