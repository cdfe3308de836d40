package io.ruche.toolbox.egress;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.ruche.kernel.model.TenantId;

/**
 * Which hosts a tenant's outbound connections (HTTP tools, upstream MCP servers) may
 * reach. Every address the host resolves to is checked.
 *
 * @param allowedHosts per tenant, the hosts it may reach ({@code api.example.com} or
 * {@code *.example.com}); a tenant without an entry may reach any public host. An
 * allow-listed host may resolve to a private or link-local address.
 * @param allowLoopback whether loopback addresses may be reached (default false; tests
 * and single-machine setups only)
 */
public record EgressPolicy(Map<TenantId, Set<String>> allowedHosts, boolean allowLoopback) {

	/** Any public host; private, link-local and loopback addresses refused. */
	public static final EgressPolicy DEFAULTS = new EgressPolicy(Map.of(), false);

	public EgressPolicy {
		Map<TenantId, Set<String>> copy = new HashMap<>();
		allowedHosts.forEach((tenant, hosts) -> copy.put(tenant, Set.copyOf(hosts)));
		allowedHosts = Map.copyOf(copy);
	}

}
