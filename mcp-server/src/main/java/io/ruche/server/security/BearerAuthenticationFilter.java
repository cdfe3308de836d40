package io.ruche.server.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.ruche.kernel.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} on the MCP and REST endpoints. A
 * missing or unknown key gets 401 with an RFC 6750 challenge that says which it was
 * ({@code error="invalid_request"} or {@code error="invalid_token"}, with a description)
 * and a problem body saying the same; a known key leaves its {@link Principal} in the
 * request attribute {@link #PRINCIPAL}. When the key store is unavailable the answer is
 * 503 with a problem saying to retry, not a bare 500. The challenge names no
 * authorization server ({@code resource_metadata}): keys are issued by Ruche, not by an
 * OAuth flow a client could run.
 */
public class BearerAuthenticationFilter extends OncePerRequestFilter {

	/** The request attribute holding the authenticated {@link Principal}. */
	public static final String PRINCIPAL = "ruche.principal";

	private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);

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
		String secret = (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
				? header.substring(BEARER.length()).trim() : "";
		if (secret.isEmpty()) {
			refuse(response, Refusal.MISSING);
			return;
		}
		Optional<Principal> principal;
		try {
			principal = this.keys.authenticate(secret);
		}
		catch (StoreUnavailableException ex) {
			// a key not in the cache is looked up in the store: without it, the caller
			// is told to retry, as a tool call or a REST request is
			log.warn("Store unavailable during authentication: {}", ex.getMessage());
			ProblemResponse.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
					StoreUnavailableException.RETRY_MESSAGE, Map.of("retryable", true));
			return;
		}
		if (principal.isEmpty()) {
			refuse(response, Refusal.UNKNOWN);
			return;
		}
		request.setAttribute(PRINCIPAL, principal.get());
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ruche\", error=\"" + refusal.error
				+ "\", error_description=\"" + refusal.description + "\"");
		ProblemResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", refusal.detail,
				Map.of("error", refusal.error));
	}

	/**
	 * Why a request is not authenticated, as RFC 6750 names it and as a person reads it.
	 */
	private enum Refusal {

		MISSING("invalid_request", "Missing bearer token",
				"Missing bearer token: send 'Authorization: Bearer <api key>'."),

		UNKNOWN("invalid_token", "The API key is unknown or revoked",
				"The API key is unknown or revoked: send a valid key of this server as 'Authorization: Bearer <api key>'.");

		private final String error;

		// RFC 6750: no double quote or backslash in a challenge's error_description
		private final String description;

		private final String detail;

		Refusal(String error, String description, String detail) {
			this.error = error;
			this.description = description;
			this.detail = detail;
		}

	}

}
