package io.ruche.toolbox.egress.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Where an address leads, for the egress check. IPv6 forms that carry an IPv4 address are
 * judged by it: IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible
 * ({@code ::a.b.c.d}) addresses reach that IPv4 address from this host, so they take its
 * scope; NAT64 ({@code 64:ff9b::/96}), 6to4 ({@code 2002::/16}) and Teredo
 * ({@code 2001::/32}) reach it through a translator, so a non-public IPv4 inside makes
 * them internal.
 */
enum AddressScope {

	/** Reachable on the internet. */
	PUBLIC,
	/** This host: {@code 127.0.0.0/8}, {@code ::1} and the IPv6 forms of the former. */
	LOOPBACK,
	/** Private, shared, link-local, unique local, multicast, documentation, reserved. */
	INTERNAL,
	/** {@code 0.0.0.0/8} and {@code ::}: a connection to them lands on this host. */
	UNSPECIFIED;

	// RFC 6890 special-purpose blocks that are not reachable on the internet
	private static final List<AddressRange> INTERNAL_IPV4 = List.of(AddressRange.of("10.0.0.0/8"),
			AddressRange.of("100.64.0.0/10"), AddressRange.of("169.254.0.0/16"), AddressRange.of("172.16.0.0/12"),
			AddressRange.of("192.0.0.0/24"), AddressRange.of("192.0.2.0/24"), AddressRange.of("192.168.0.0/16"),
			AddressRange.of("198.18.0.0/15"), AddressRange.of("198.51.100.0/24"), AddressRange.of("203.0.113.0/24"),
			AddressRange.of("224.0.0.0/3"));

	private static final List<AddressRange> INTERNAL_IPV6 = List.of(AddressRange.of("fc00::/7"),
			AddressRange.of("fe80::/10"), AddressRange.of("fec0::/10"), AddressRange.of("ff00::/8"),
			AddressRange.of("2001:db8::/32"), AddressRange.of("100::/64"), AddressRange.of("64:ff9b:1::/48"));

	private static final AddressRange IPV4_MAPPED = AddressRange.of("::ffff:0:0/96");

	private static final AddressRange IPV4_COMPATIBLE = AddressRange.of("::/96");

	private static final AddressRange NAT64 = AddressRange.of("64:ff9b::/96");

	private static final AddressRange SIX_TO_FOUR = AddressRange.of("2002::/16");

	private static final AddressRange TEREDO = AddressRange.of("2001::/32");

	static AddressScope of(InetAddress address) {
		byte[] bytes = address.getAddress();
		return (bytes.length == 4) ? ofIpv4(bytes) : ofIpv6(bytes);
	}

	private static AddressScope ofIpv4(byte[] address) {
		int first = address[0] & 0xff;
		if (first == 0) {
			return UNSPECIFIED;
		}
		if (first == 127) {
			return LOOPBACK;
		}
		return INTERNAL_IPV4.stream().anyMatch((range) -> range.contains(address)) ? INTERNAL : PUBLIC;
	}

	private static AddressScope ofIpv6(byte[] address) {
		byte[] last32 = Arrays.copyOfRange(address, 12, 16);
		if (IPV4_MAPPED.contains(address)) {
			return ofIpv4(last32);
		}
		if (IPV4_COMPATIBLE.contains(address)) {
			// :: and ::1 are the IPv6 unspecified and loopback addresses, not IPv4 forms
			boolean loopback = Arrays.equals(last32, new byte[] { 0, 0, 0, 1 });
			return loopback ? LOOPBACK : ofIpv4(last32);
		}
		if (NAT64.contains(address)) {
			return translated(last32);
		}
		if (SIX_TO_FOUR.contains(address)) {
			return translated(Arrays.copyOfRange(address, 2, 6));
		}
		if (TEREDO.contains(address)) {
			// the Teredo server's IPv4, then the client's, stored inverted
			byte[] client = last32.clone();
			for (int i = 0; i < client.length; i++) {
				client[i] = (byte) ~client[i];
			}
			boolean bothPublic = translated(Arrays.copyOfRange(address, 4, 8)) == PUBLIC
					&& translated(client) == PUBLIC;
			return bothPublic ? PUBLIC : INTERNAL;
		}
		return INTERNAL_IPV6.stream().anyMatch((range) -> range.contains(address)) ? INTERNAL : PUBLIC;
	}

	private static AddressScope translated(byte[] ipv4) {
		return (ofIpv4(ipv4) == PUBLIC) ? PUBLIC : INTERNAL;
	}

}
