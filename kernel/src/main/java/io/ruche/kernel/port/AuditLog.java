package io.ruche.kernel.port;

import java.util.Collection;
import java.util.List;

import io.ruche.kernel.model.AuditRecord;
import io.ruche.kernel.model.Page;
import io.ruche.kernel.model.PageRequest;
import io.ruche.kernel.model.TenantId;

/**
 * An append-only log of audited actions. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface AuditLog {

	/**
	 * Appends a record; an acknowledged append is durable.
	 * @param record the record, must not be null
	 */
	void append(AuditRecord record);

	/**
	 * Lists a tenant's records, newest first.
	 * @param tenant the tenant
	 * @param request the page wanted
	 * @return one page of records
	 */
	Page<AuditRecord> list(TenantId tenant, PageRequest request);

	/**
	 * Lists a tenant's records of some actions only, newest first (the configuration
	 * changes, say, among the far more numerous turns).
	 * @param tenant the tenant
	 * @param actions the actions wanted, such as {@code rule.upsert}; not empty
	 * @param request the page wanted
	 * @return one page of records
	 */
	Page<AuditRecord> list(TenantId tenant, Collection<String> actions, PageRequest request);

	/**
	 * Lists the records of one conversation session, oldest first.
	 * @param tenant the tenant
	 * @param sessionId the session
	 * @return the records, never null
	 */
	List<AuditRecord> listForSession(TenantId tenant, String sessionId);

}
