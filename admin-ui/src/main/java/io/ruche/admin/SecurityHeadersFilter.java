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
 * <p>
 * MCP responses (JSON and event streams for programs, never documents a browser renders)
 * get the set recommended for APIs: a policy that allows nothing, {@code DENY},
 * {@code nosniff}, {@code no-store} and HSTS. The document-only headers (referrer,
 * permissions and opener policies) are left off there: Tomcat encodes every header of
 * every response, and they were a measurable share of a cheap MCP call
 * (docs/performance.md).
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

	/** The policy of the console and of every other response. */
	public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** The policy of MCP responses, which load nothing and are never framed. */
	public static final String MCP_CSP = "default-src 'none'; frame-ancestors 'none'";

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
		boolean mcp = "/mcp".equals(path);
		response.setHeader("Content-Security-Policy",
				mcp ? MCP_CSP : path.startsWith("/swagger-ui") ? SWAGGER_CSP : CSP);
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (!mcp) {
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
			response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		}
		if (mcp || path.startsWith("/api/")) {
			response.setHeader("Cache-Control", "no-store");
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", this.hsts);
		}
		chain.doFilter(request, response);
	}

}
