package io.ruche.server.mcp.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 403 to any request whose remote address is not a loopback address, so that
 * unauthenticated endpoints stay reachable from the same host only.
 */
public final class LoopbackOnlyFilter extends HttpFilter {

	private static final Logger log = LoggerFactory.getLogger(LoopbackOnlyFilter.class);

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (isLoopback(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		log.warn("Refused {} {} from non-loopback address {}", request.getMethod(), request.getRequestURI(),
				request.getRemoteAddr());
		response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only loopback clients may use this endpoint.");
	}

	static boolean isLoopback(@Nullable String address) {
		if (address == null || address.isBlank() || !isIpLiteral(address)) {
			return false;
		}
		try {
			// an IP literal: no name lookup happens
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isIpLiteral(String address) {
		return address.indexOf(':') >= 0 || address.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
	}

}
