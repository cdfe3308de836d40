package io.ruche.toolbox.egress.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fe80::/10}) of IPv4 or IPv6 addresses. */
final class AddressRange {

	private final byte[] network;

	private final int bits;

	private AddressRange(byte[] network, int bits) {
		this.network = network;
		this.bits = bits;
	}

	/**
	 * Parses a CIDR block written with an address literal (no DNS lookup).
	 * @param cidr for example {@code 172.16.0.0/12}
	 * @return the block
	 */
	static AddressRange of(String cidr) {
		int slash = cidr.indexOf('/');
		String literal = cidr.substring(0, slash);
		try {
			byte[] network = InetAddress.getByName(literal).getAddress();
			if (network.length == 4 && literal.indexOf(':') >= 0) {
				// the JVM reads ::ffff:a.b.c.d as IPv4; the block is the IPv6 one
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(network, 0, mapped, 12, 4);
				network = mapped;
			}
			return new AddressRange(network, Integer.parseInt(cidr.substring(slash + 1)));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not a CIDR block: " + cidr, ex);
		}
	}

	boolean contains(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		int whole = this.bits / 8;
		if (!Arrays.equals(address, 0, whole, this.network, 0, whole)) {
			return false;
		}
		int rest = this.bits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[whole] & mask) == (this.network[whole] & mask);
	}

}
