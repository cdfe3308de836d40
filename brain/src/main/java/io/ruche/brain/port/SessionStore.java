package io.ruche.brain.port;

import java.util.Optional;

import io.ruche.brain.model.Session;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Stores conversation sessions. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface SessionStore {

	/**
	 * Creates or updates a session. {@code session.version()} is the version the caller
	 * read: 0 to create.
	 * @param session the session
	 * @return the stored session, with its new version
	 * @throws io.ruche.kernel.store.StoreConflictException when the version is stale
	 */
	Session save(Session session);

	/**
	 * Finds a session.
	 * @param tenant the tenant
	 * @param id the session id
	 * @return the session, or empty
	 */
	Optional<Session> find(TenantId tenant, String id);

	/**
	 * Lists sessions, most recently updated first.
	 * @param tenant the tenant
	 * @param agentId only this agent's sessions, or null for all
	 * @param request the page wanted
	 * @return one page of sessions
	 */
	Page<Session> list(TenantId tenant, @Nullable String agentId, PageRequest request);

}
