package io.ruche.toolbox.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name (or an address literal) to its addresses; the egress check asks
 * once per check.
 */
@FunctionalInterface
public interface HostResolver {

	/** The JVM's resolver ({@link InetAddress#getAllByName}). */
	HostResolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

	/**
	 * Resolves a host.
	 * @param host a host name or an address literal, IPv6 without brackets
	 * @return its addresses, never empty
	 * @throws UnknownHostException when the host has no address
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

}
