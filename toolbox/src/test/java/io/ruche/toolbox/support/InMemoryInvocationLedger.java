package io.ruche.toolbox.support;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.port.InvocationLedger;

/** An in-memory ledger; atomic begin through putIfAbsent, like a unique key in SQL. */
public final class InMemoryInvocationLedger implements InvocationLedger {

	private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();

	@Override
	public boolean begin(LedgerEntry entry) {
		return this.entries.putIfAbsent(key(entry.tenant(), entry.toolName(), entry.idempotencyKey()), entry) == null;
	}

	@Override
	public void finish(TenantId tenant, String toolName, String idempotencyKey, String state, String outcomeJson) {
		this.entries.computeIfPresent(key(tenant, toolName, idempotencyKey),
				(key, entry) -> new LedgerEntry(tenant, toolName, idempotencyKey, entry.argumentsDigest(), state,
						outcomeJson, entry.startedAt(), Instant.now()));
	}

	@Override
	public Optional<LedgerEntry> find(TenantId tenant, String toolName, String idempotencyKey) {
		return Optional.ofNullable(this.entries.get(key(tenant, toolName, idempotencyKey)));
	}

	private static String key(TenantId tenant, String toolName, String idempotencyKey) {
		return tenant.value() + "/" + toolName + "/" + idempotencyKey;
	}

}
