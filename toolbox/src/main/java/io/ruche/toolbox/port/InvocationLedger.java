package io.ruche.toolbox.port;

import java.util.Optional;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.LedgerEntry;

/**
 * Records calls of irreversible tools durably so that each runs at most once per
 * idempotency key, across restarts and instances. Failures are
 * {@link io.ruche.kernel.store.StoreException}s.
 */
public interface InvocationLedger {

	/**
	 * Records the intent to call, atomically: of several callers with the same tenant,
	 * tool and key, exactly one gets true.
	 * @param entry the entry, in state {@code started}
	 * @return true when this caller recorded the intent and may call; false when the key
	 * was already used
	 */
	boolean begin(LedgerEntry entry);

	/**
	 * Records the outcome of a call begun with {@link #begin}.
	 * @param tenant the tenant
	 * @param toolName the tool
	 * @param idempotencyKey the key
	 * @param state {@code completed} or {@code failed}
	 * @param outcomeJson the outcome as JSON
	 */
	void finish(TenantId tenant, String toolName, String idempotencyKey, String state, String outcomeJson);

	/**
	 * Finds the entry of a key.
	 * @param tenant the tenant
	 * @param toolName the tool
	 * @param idempotencyKey the key
	 * @return the entry, or empty when the key was never used
	 */
	Optional<LedgerEntry> find(TenantId tenant, String toolName, String idempotencyKey);

}
