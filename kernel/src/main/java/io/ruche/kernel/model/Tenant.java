package io.ruche.kernel.model;

import java.time.Instant;

/**
 * An isolated customer of the platform.
 *
 * @param id the tenant id
 * @param name the display name
 * @param platformAdmin true for the bootstrap tenant, whose admins may create other
 * tenants
 * @param createdAt when the tenant was created
 */
public record Tenant(TenantId id, String name, boolean platformAdmin, Instant createdAt) {
}
