package io.ruche.server.mcp;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.ruche.server.http.BoundedBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks each JSON-RPC message posted to the MCP endpoint before the SDK reads it
 * ({@link JsonRpcShape}). The SDK answered a malformed one with Jackson's text, which
 * names Java classes, or, once it had started an asynchronous response, with HTTP 500 and
 * Tomcat's async state ({@code "params": "x"}). A malformed message now gets HTTP 400 and
 * a JSON-RPC error that says what is wrong; a body above the size limit gets 413 as from
 * the SDK.
 */
public final class JsonRpcRequestFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	private final int maxBytes;

	public JsonRpcRequestFilter(JsonMapper json, int maxBytes) {
		this.json = json;
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = BoundedBody.read(request, this.maxBytes);
		if (body == null) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		Optional<JsonRpcShape.Refusal> refusal = JsonRpcOutline.read(body, this.json)
			.map(JsonRpcShape::check)
			.orElseGet(() -> Optional.of(new JsonRpcShape.Refusal(null, JsonRpcShape.PARSE_ERROR,
					"Parse error: the body is not valid JSON")));
		if (refusal.isPresent()) {
			refuse(response, refusal.get());
			return;
		}
		chain.doFilter(BoundedBody.replay(request, body), response);
	}

	private void refuse(HttpServletResponse response, JsonRpcShape.Refusal refusal) throws IOException {
		ObjectNode error = this.json.createObjectNode();
		error.put("jsonrpc", "2.0");
		// JSON-RPC 2.0: the id is null when it could not be read
		error.set("id", (refusal.id() != null) ? refusal.id() : this.json.getNodeFactory().nullNode());
		error.putObject("error").put("code", refusal.code()).put("message", refusal.message());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/json");
		response.getWriter().write(this.json.writeValueAsString(error));
	}

}
