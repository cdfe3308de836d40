package io.ruche.admin;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the security headers to every response: a strict Content Security Policy (the
 * console loads only its own scripts and styles; Swagger UI also needs inline styles),
 * {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, no referrer,
 * {@code Cache-Control: no-store} on the API, and HSTS when the request came over TLS.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

	/** The policy of the console and of every other response. */
	public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** The policy of Swagger UI, which sets inline styles. */
	public static final String SWAGGER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	private final String hsts;

	public SecurityHeadersFilter(Duration hstsMaxAge) {
		this.hsts = "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER_CSP : CSP);
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		if (path.startsWith("/api/")) {
			response.setHeader("Cache-Control", "no-store");
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", this.hsts);
		}
		chain.doFilter(request, response);
	}

}
