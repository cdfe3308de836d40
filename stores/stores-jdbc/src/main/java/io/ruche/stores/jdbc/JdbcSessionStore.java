package io.ruche.stores.jdbc;

import java.util.List;
import java.util.Optional;

import io.ruche.brain.model.Session;
import io.ruche.brain.port.SessionStore;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.store.StoreConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/** Sessions in the table {@code sessions} through {@link SessionRepository}. */
final class JdbcSessionStore implements SessionStore {

	private final TenantTransactions tx;

	private final SessionRepository repository;

	JdbcSessionStore(TenantTransactions tx, Aggregates aggregates) {
		this.tx = tx;
		this.repository = aggregates.repository(SessionRepository.class);
	}

	@Override
	public Session save(Session session) {
		SessionRow row = SessionRow.of(session);
		return this.tx.inTenant(session.tenant(), () -> {
			try {
				return this.repository.save(row).toSession();
			}
			catch (OptimisticLockingFailureException ex) {
				throw new StoreConflictException(
						"session " + session.id() + " was changed by another turn or is unknown: read it again");
			}
		});
	}

	@Override
	public Optional<Session> find(TenantId tenant, String id) {
		return this.tx.inTenant(tenant,
				() -> this.repository.findById(TenantKey.of(tenant, id)).map(SessionRow::toSession));
	}

	@Override
	public Page<Session> list(TenantId tenant, @Nullable String agentId, PageRequest request) {
		List<SessionRow> rows = this.tx.inTenant(tenant,
				() -> (agentId != null)
						? this.repository.pageOfAgent(tenant.value(), agentId, Rows.limitPlusOne(request),
								request.offset())
						: this.repository.page(tenant.value(), Rows.limitPlusOne(request), request.offset()));
		return Rows.page(Rows.map(rows, SessionRow::toSession), request);
	}

}
