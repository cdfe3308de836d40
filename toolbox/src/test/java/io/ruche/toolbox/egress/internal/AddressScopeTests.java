package io.ruche.toolbox.egress.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScopeTests {

	@ParameterizedTest
	@CsvSource({ "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "127.0.0.1, LOOPBACK", "127.1.2.3, LOOPBACK",
			"10.1.2.3, INTERNAL", "172.16.0.1, INTERNAL", "172.31.255.255, INTERNAL", "192.168.1.1, INTERNAL",
			"169.254.169.254, INTERNAL", "100.64.0.1, INTERNAL", "192.0.0.8, INTERNAL", "198.18.0.1, INTERNAL",
			"203.0.113.9, INTERNAL", "224.0.0.1, INTERNAL", "255.255.255.255, INTERNAL", "0.0.0.0, UNSPECIFIED",
			"0.1.2.3, UNSPECIFIED" })
	void classifiesIpv4Addresses(String literal, AddressScope expected) throws UnknownHostException {
		AddressScope scope = AddressScope.of(InetAddress.getByName(literal));

		assertThat(scope).isEqualTo(expected);
	}

	// ISSUE-9 (hole 7): these IPv6 forms of refused IPv4 addresses were treated as public
	@ParameterizedTest
	@CsvSource({ "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.0.0.1, INTERNAL", "::ffff:169.254.169.254, INTERNAL",
			"::ffff:0.0.0.0, UNSPECIFIED", "::ffff:8.8.8.8, PUBLIC", "::127.0.0.1, LOOPBACK", "::10.0.0.1, INTERNAL",
			"::169.254.169.254, INTERNAL", "::8.8.8.8, PUBLIC", "64:ff9b::127.0.0.1, INTERNAL",
			"64:ff9b::a9fe:a9fe, INTERNAL", "64:ff9b::192.168.0.1, INTERNAL", "64:ff9b::8.8.8.8, PUBLIC",
			"64:ff9b:1::8.8.8.8, INTERNAL", "2002:7f00:1::, INTERNAL", "2002:a9fe:a9fe::1, INTERNAL",
			"2002:0a00:0001:1::1, INTERNAL", "2002:0808:0808::1, PUBLIC",
			// Teredo: server 65.54.227.120; client 127.0.0.1, 10.0.0.1, 8.8.8.8 stored
			// inverted
			"2001:0:4136:e378:8000:63bf:80ff:fffe, INTERNAL", "2001:0:4136:e378:8000:63bf:f5ff:fffe, INTERNAL",
			"2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC",
			// Teredo with a private server
			"2001:0:0a00:1:8000:63bf:f7f7:f7f7, INTERNAL" })
	void judgesIpv6FormsByTheIpv4TheyCarry(String literal, AddressScope expected) throws UnknownHostException {
		AddressScope scope = AddressScope.of(ipv6(literal));

		assertThat(scope).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "::, UNSPECIFIED", "::1, LOOPBACK", "fe80::1, INTERNAL", "febf::1, INTERNAL", "fec0::1, INTERNAL",
			"fc00::1, INTERNAL", "fd12:3456::1, INTERNAL", "ff02::1, INTERNAL", "2001:db8::1, INTERNAL",
			"100::1, INTERNAL", "2606:4700:4700::1111, PUBLIC", "2a00:1450:4007:80f::200e, PUBLIC" })
	void classifiesIpv6Addresses(String literal, AddressScope expected) throws UnknownHostException {
		AddressScope scope = AddressScope.of(ipv6(literal));

		assertThat(scope).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.0.0.1, INTERNAL" })
	void judgesMappedAddressesAsTheJvmResolvesThem(String literal, AddressScope expected) throws UnknownHostException {
		InetAddress resolved = InetAddress.getByName(literal);

		assertThat(resolved).isInstanceOf(Inet4Address.class);
		assertThat(AddressScope.of(resolved)).isEqualTo(expected);
	}

	// the JVM turns a mapped literal into an IPv4 address; a resolver (or a peer) may
	// still hand over the 16-byte form
	private static InetAddress ipv6(String literal) throws UnknownHostException {
		InetAddress parsed = InetAddress.getByName(literal);
		byte[] bytes = parsed.getAddress();
		if (bytes.length == 4) {
			bytes = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, bytes[0], bytes[1], bytes[2],
					bytes[3] };
		}
		InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
		assertThat(address).isInstanceOf(Inet6Address.class);
		return address;
	}

}
