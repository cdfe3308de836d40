package io.ruche.toolbox.sandbox.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.ruche.toolbox.egress.EgressPolicy;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.model.ToolKind;

/** Refuses targets outside the tenant's allow-list or inside private address ranges. */
final class EgressGuard {

	private final EgressPolicy policy;

	EgressGuard(EgressPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Checks a tool's target.
	 * @return why the target is refused, or empty when it may be reached
	 */
	Optional<String> refusal(ToolDefinition tool) {
		if (tool.kind() == ToolKind.BUILTIN) {
			return Optional.empty();
		}
		String host = URI.create(tool.target()).getHost();
		if (host == null) {
			return Optional.of("target has no host");
		}
		host = host.toLowerCase(Locale.ROOT);
		Set<String> allowList = this.policy.allowedHosts().get(tool.tenant());
		boolean listed = allowList != null && allowList.stream().anyMatch(matches(host));
		if (allowList != null && !listed) {
			return Optional.of("host " + host + " is not on the tenant's allow-list");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("host " + host + " cannot be resolved");
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() && !this.policy.allowLoopback()) {
				return Optional.of("host " + host + " resolves to a loopback address");
			}
			if (!address.isLoopbackAddress() && isInternal(address) && !listed) {
				return Optional.of("host " + host + " resolves to a private or link-local address");
			}
		}
		return Optional.empty();
	}

	private static Predicate<String> matches(String host) {
		return (pattern) -> {
			String lower = pattern.toLowerCase(Locale.ROOT);
			return lower.startsWith("*.") ? host.endsWith(lower.substring(1)) : host.equals(lower);
		};
	}

	static boolean isInternal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0/8, 100.64/10 (carrier-grade NAT), 198.18/15 (benchmarking), 240/4
			// (reserved)
			return first == 0 || (first == 100 && second >= 64 && second <= 127)
					|| (first == 198 && (second == 18 || second == 19)) || first >= 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses
			return (bytes[0] & 0xfe) == 0xfc;
		}
		return false;
	}

}
