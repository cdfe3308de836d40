package io.ruche.toolbox.egress;

import java.util.Optional;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.egress.internal.DefaultEgress;

/**
 * The one egress check of every outbound connection: HTTP tools, and upstream MCP servers
 * at registration, re-sync, listening and invocation. The target's host is resolved once
 * and every address it resolves to is checked against the tenant's {@link EgressPolicy};
 * a connection then goes only to one of those checked addresses, through the
 * {@link EgressRoute} that {@link #open} returns, so a second DNS answer (DNS rebinding)
 * never reaches a socket. Refusals read {@code egress_refused: ...} and never name a
 * resolved address.
 */
public interface Egress {

	/**
	 * Checks a target without connecting, as {@link #open} would. Used to refuse a call
	 * before anything else runs; the connection itself is checked again by {@link #open}.
	 * @param tenant the tenant whose policy applies, must not be null
	 * @param target the target URL, must not be null
	 * @return the refusal, {@code egress_refused: ...}, or empty when the target may be
	 * reached now
	 */
	Optional<String> check(TenantId tenant, String target);

	/**
	 * Resolves the target's host once, checks every address, and opens a route whose
	 * connections go only to those addresses. Thread-safe; every call resolves and checks
	 * again and gets its own route, never shared with another call or tenant.
	 * @param tenant the tenant whose policy applies, must not be null
	 * @param target the target URL, must not be null
	 * @return the open route, to be closed by the caller
	 * @throws EgressRefusedException when the target is refused (transient when its host
	 * could not be resolved)
	 */
	EgressRoute open(TenantId tenant, String target);

	/**
	 * Creates the egress check on the system's DNS resolver.
	 * @param policy the policy
	 * @return the egress check, thread-safe
	 */
	static Egress create(EgressPolicy policy) {
		return create(policy, HostResolver.SYSTEM);
	}

	/**
	 * Creates the egress check on a given resolver.
	 * @param policy the policy
	 * @param resolver resolves host names, once per check
	 * @return the egress check, thread-safe
	 */
	static Egress create(EgressPolicy policy, HostResolver resolver) {
		return new DefaultEgress(policy, resolver);
	}

}
