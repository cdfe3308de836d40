package io.ruche.toolbox.model;

import java.time.Instant;

import io.ruche.kernel.model.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of one call of an irreversible tool under an idempotency key.
 *
 * @param tenant the owning tenant
 * @param toolName the tool
 * @param idempotencyKey the caller's key
 * @param argumentsDigest SHA-256 of the canonical arguments
 * @param state {@code started} before the call, then {@code completed} or {@code failed}
 * @param outcomeJson the outcome as JSON once known, else null
 * @param startedAt when the intent was recorded
 * @param finishedAt when the outcome was recorded, or null
 */
public record LedgerEntry(TenantId tenant, String toolName, String idempotencyKey, String argumentsDigest, String state,
		@Nullable String outcomeJson, Instant startedAt, @Nullable Instant finishedAt) {
}
