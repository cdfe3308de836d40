package io.ruche.toolbox.upstream;

import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.TenantStore;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.port.ToolCatalogStore;
import io.ruche.toolbox.port.UpstreamWatch;
import io.ruche.toolbox.secret.SecretCipher;

/**
 * What the listeners of upstream MCP servers need.
 *
 * @param registry re-syncs a registration
 * @param catalog finds the registrations
 * @param tenants every tenant, to listen for all of them at start
 * @param cipher decrypts the registrations' secret headers
 * @param watch opens the long-lived sessions
 * @param broadcast announces registrations and removals from any instance
 * @param egress checks and routes every session, at each (re)connection
 */
public record ListenerDependencies(ToolRegistry registry, ToolCatalogStore catalog, TenantStore tenants,
		SecretCipher cipher, UpstreamWatch watch, ChangeBroadcast broadcast, Egress egress) {
}
