package io.ruche.toolbox.egress.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The parts of a target URL that egress checks and connects to.
 *
 * @param secure whether the scheme is {@code https}
 * @param host the host, lower case, an IPv6 literal without brackets
 * @param port the port, the scheme's default when the URL has none
 */
record EgressTarget(boolean secure, String host, int port) {

	/**
	 * Reads a target URL.
	 * @param target the URL
	 * @return its parts
	 * @throws IllegalArgumentException when it is not an absolute http or https URL with
	 * a host, or carries credentials; the message never repeats them
	 */
	static EgressTarget parse(String target) {
		URI uri;
		try {
			uri = new URI(target);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("the target is not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getRawAuthority() != null && uri.getRawAuthority().indexOf('@') >= 0) {
			throw new IllegalArgumentException("the target carries credentials (user-info), which are never sent; "
					+ "put them in secret headers");
		}
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new IllegalArgumentException("the target is not an absolute http or https URL with a host");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		boolean secure = scheme.equals("https");
		int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
		return new EgressTarget(secure, host, port);
	}

	/**
	 * Whether an authority ({@code host:port}, IPv6 hosts with or without brackets) names
	 * this target.
	 * @param otherHost the host
	 * @param otherPort the port
	 * @return true when both match
	 */
	boolean isAt(String otherHost, int otherPort) {
		String bare = otherHost.toLowerCase(Locale.ROOT);
		if (bare.startsWith("[") && bare.endsWith("]")) {
			bare = bare.substring(1, bare.length() - 1);
		}
		return bare.equals(this.host) && otherPort == this.port;
	}

}
