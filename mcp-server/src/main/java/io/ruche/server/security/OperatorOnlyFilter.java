package io.ruche.server.security;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.ruche.kernel.model.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the actuator endpoints (metrics, Prometheus, info) to the platform operator:
 * metrics name every tenant's tools, so a tenant's key, even an admin's, gets 403. The
 * operator is an admin key of the bootstrap tenant, or the scrape token
 * ({@code platform.metrics.token}) given to a metrics collector that needs no other
 * power. Health ({@code /actuator/health} and its groups) stays open: load balancers
 * probe it without a key, and it shows only each component's status.
 */
public class OperatorOnlyFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private static final String HEALTH = "/actuator/health";

	private final ApiKeyService keys;

	private final byte @Nullable [] scrapeTokenHash;

	/**
	 * @param keys authenticates API keys
	 * @param scrapeToken the metrics collector's token, or null/blank for none
	 */
	public OperatorOnlyFilter(ApiKeyService keys, @Nullable String scrapeToken) {
		this.keys = keys;
		this.scrapeTokenHash = (scrapeToken != null && !scrapeToken.isBlank())
				? ApiKeyService.sha256(scrapeToken.trim()) : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the servlet path is decoded and normalised, so ../ tricks cannot reach past it
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_request",
					"Metrics need the operator's credential: send 'Authorization: Bearer <key>' with an admin key of "
							+ "the bootstrap tenant or the metrics scrape token.");
			return;
		}
		String secret = header.substring(BEARER.length()).trim();
		if (isScrapeToken(secret)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Principal> principal = this.keys.authenticate(secret);
		if (principal.isEmpty()) {
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
					"The API key is unknown or revoked: send the operator's admin key or the metrics scrape token.");
			return;
		}
		if (!principal.get().platformAdmin() || !principal.get().role().includes(Role.ADMIN)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, "insufficient_scope",
					"Metrics are for the platform operator (an admin key of the bootstrap tenant, or the metrics "
							+ "scrape token): they cover every tenant.");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isScrapeToken(String secret) {
		// compares digests of equal length, in constant time
		return this.scrapeTokenHash != null
				&& MessageDigest.isEqual(this.scrapeTokenHash, ApiKeyService.sha256(secret));
	}

	// RFC 6750 error codes, as on /mcp and /api
	private static void refuse(HttpServletResponse response, int status, String error, String detail)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ruche\", error=\"" + error + "\"");
		ProblemResponse.write(response, status,
				(status == HttpServletResponse.SC_UNAUTHORIZED) ? "Unauthorized" : "Forbidden", detail,
				Map.of("error", error));
	}

}
