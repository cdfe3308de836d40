package io.ruche.toolbox.egress.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.egress.EgressRefusedException;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.egress.HostResolver;
import org.jspecify.annotations.Nullable;

/**
 * Resolves once, checks every address, and leases a relay pinned to the checked
 * addresses. The relays' own loopback ports are refused as targets, so that no call rides
 * another tenant's relay.
 */
public final class DefaultEgress implements Egress {

	private static final Duration RELAY_IDLE = Duration.ofSeconds(30);

	private final EgressPolicy policy;

	private final HostResolver resolver;

	private final Relays relays;

	public DefaultEgress(EgressPolicy policy, HostResolver resolver) {
		this(policy, resolver, RELAY_IDLE);
	}

	DefaultEgress(EgressPolicy policy, HostResolver resolver, Duration relayIdle) {
		this.policy = policy;
		this.resolver = resolver;
		this.relays = new Relays(relayIdle);
	}

	@Override
	public Optional<String> check(TenantId tenant, String target) {
		return switch (decide(tenant, target)) {
			case Decision.Allowed allowed -> Optional.empty();
			case Decision.Refused refused -> Optional.of(refused.message());
		};
	}

	@Override
	public EgressRoute open(TenantId tenant, String target) {
		return switch (decide(tenant, target)) {
			case Decision.Allowed allowed -> this.relays.lease(tenant, target, allowed.target(), allowed.addresses());
			case Decision.Refused refused ->
				throw new EgressRefusedException(refused.message(), refused.transientFailure());
		};
	}

	private Decision decide(TenantId tenant, String url) {
		EgressTarget target;
		try {
			target = EgressTarget.parse(url);
		}
		catch (IllegalArgumentException ex) {
			return Decision.refused(String.valueOf(ex.getMessage()));
		}
		String host = target.host();
		Set<String> allowList = this.policy.allowedHosts().get(tenant);
		boolean listed = allowList != null && allowList.stream().anyMatch((pattern) -> matches(pattern, host));
		if (allowList != null && !listed) {
			return Decision.refused("host " + host + " is not on the tenant's allow-list");
		}
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return new Decision.Refused("host " + host + " cannot be resolved", true);
		}
		if (addresses.isEmpty()) {
			return new Decision.Refused("host " + host + " cannot be resolved", true);
		}
		for (InetAddress address : addresses) {
			String refusal = refusal(target, AddressScope.of(address), listed);
			if (refusal != null) {
				return Decision.refused(refusal);
			}
		}
		return new Decision.Allowed(target, List.copyOf(addresses));
	}

	// the reason names the host, never the address: a refusal must not reveal internal
	// DNS
	private @Nullable String refusal(EgressTarget target, AddressScope scope, boolean listed) {
		String host = target.host();
		return switch (scope) {
			case PUBLIC -> null;
			case UNSPECIFIED -> "host " + host + " resolves to the unspecified address";
			case INTERNAL -> listed ? null : "host " + host + " resolves to a private, link-local or reserved address";
			case LOOPBACK -> {
				if (!this.policy.allowLoopback()) {
					yield "host " + host + " resolves to a loopback address";
				}
				yield this.relays.isRelayPort(target.port())
						? "port " + target.port() + " of the loopback address is one of Ruche's own egress relays"
						: null;
			}
		};
	}

	private static boolean matches(String pattern, String host) {
		String lower = pattern.toLowerCase(Locale.ROOT);
		return lower.startsWith("*.") ? host.endsWith(lower.substring(1)) : host.equals(lower);
	}

	/** The outcome of one check. */
	private sealed interface Decision {

		static Decision refused(String reason) {
			return new Refused(reason, false);
		}

		record Allowed(EgressTarget target, List<InetAddress> addresses) implements Decision {
		}

		record Refused(String reason, boolean transientFailure) implements Decision {

			String message() {
				return "egress_refused: " + this.reason;
			}

		}

	}

}
