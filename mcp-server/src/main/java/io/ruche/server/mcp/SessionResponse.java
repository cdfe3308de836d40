package io.ruche.server.mcp;

import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.modelcontextprotocol.spec.HttpHeaders;

/**
 * The answer to a request that may start a session: when the SDK names the session it
 * created in {@code Mcp-Session-Id}, the session is bound to its caller and the client
 * gets the public id instead.
 */
final class SessionResponse extends HttpServletResponseWrapper {

	private final UnaryOperator<String> bind;

	/**
	 * @param response the response
	 * @param bind binds the session of an SDK id and returns its public id
	 */
	SessionResponse(HttpServletResponse response, UnaryOperator<String> bind) {
		super(response);
		this.bind = bind;
	}

	@Override
	public void setHeader(String name, String value) {
		super.setHeader(name, HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) ? this.bind.apply(value) : value);
	}

	@Override
	public void addHeader(String name, String value) {
		super.addHeader(name, HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) ? this.bind.apply(value) : value);
	}

}
