package io.ruche.toolbox.egress;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.List;

/**
 * A checked way to one target for one tenant. A java.net.http client reaches the target
 * only through the route's relay, which connects to the checked addresses alone; the
 * client still speaks to the target's host name, so the {@code Host} header, TLS SNI and
 * certificate verification use that name (HTTPS goes through a {@code CONNECT} tunnel,
 * end to end).
 */
public interface EgressRoute extends AutoCloseable {

	/**
	 * The target URL the route was opened for.
	 * @return the URL, as given
	 */
	String target();

	/**
	 * The addresses the target's host resolved to when the route was opened, all of them
	 * checked; every connection of the route goes to one of them.
	 * @return the addresses, never empty
	 */
	List<InetAddress> addresses();

	/**
	 * Sets a java.net.http client builder to reach the target through this route only:
	 * the route's relay as its proxy, redirects never followed (a redirect would leave
	 * the checked address).
	 * @param builder the builder
	 * @return the same builder
	 */
	HttpClient.Builder configure(HttpClient.Builder builder);

	/**
	 * A client set up with {@link #configure}, shared (with its kept-alive connections)
	 * by the routes of the same tenant whose check found the same addresses; not to be
	 * closed by the caller.
	 * @return the client
	 */
	HttpClient client();

	/**
	 * Ends this use of the route; never throws. The relay behind it, which other routes
	 * of the tenant with the same checked addresses may share, closes once unused for a
	 * while.
	 */
	@Override
	void close();

}
