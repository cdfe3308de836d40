package io.ruche.server.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a REST request body above a size limit with 413 and a problem body, before
 * anything parses it: a 30 MiB rule action used to be stored (and exported again).
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private final int maxBytes;

	/**
	 * Creates the filter.
	 * @param maxBytes the largest body accepted
	 */
	public RequestBodyLimitFilter(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!WITH_BODY.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared >= 0 && declared <= this.maxBytes) {
			// the container delivers no more than the declared length
			chain.doFilter(request, response);
			return;
		}
		byte[] body = BoundedBody.read(request, this.maxBytes);
		if (body == null) {
			tooLarge(response);
			return;
		}
		chain.doFilter(BoundedBody.replay(request, body), response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		response.setStatus(413);
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		response.setHeader("Connection", "close");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":"
					+ "\"The request body is larger than the limit of " + this.maxBytes + " bytes.\"}");
	}

}
