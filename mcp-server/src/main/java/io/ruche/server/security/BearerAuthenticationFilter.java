package io.ruche.server.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} on the MCP and REST endpoints. A
 * missing or unknown key gets 401 with {@code WWW-Authenticate: Bearer} and a problem
 * body; a known key leaves its {@link Principal} in the request attribute
 * {@link #PRINCIPAL}.
 */
public class BearerAuthenticationFilter extends OncePerRequestFilter {

	/** The request attribute holding the authenticated {@link Principal}. */
	public static final String PRINCIPAL = "ruche.principal";

	private static final String BEARER = "Bearer ";

	private final ApiKeyService keys;

	public BearerAuthenticationFilter(ApiKeyService keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuse(response, "Missing bearer token: send 'Authorization: Bearer <api key>'.");
			return;
		}
		Optional<Principal> principal = this.keys.authenticate(header.substring(BEARER.length()).trim());
		if (principal.isEmpty()) {
			refuse(response, "Unknown or revoked API key.");
			return;
		}
		request.setAttribute(PRINCIPAL, principal.get());
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ruche\"");
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}

}
