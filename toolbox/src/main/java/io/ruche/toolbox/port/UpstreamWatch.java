package io.ruche.toolbox.port;

import java.util.Map;

import io.ruche.toolbox.egress.EgressRoute;

/**
 * Keeps a session open to an upstream MCP server so that its
 * {@code notifications/tools/list_changed} are heard. The app implements it with the MCP
 * SDK client (Streamable HTTP).
 */
public interface UpstreamWatch {

	/**
	 * Connects to an upstream server and keeps the session open until it is closed.
	 * @param route the checked route to the server URL; the caller closes it after the
	 * connection
	 * @param headers decrypted headers to send (for example {@code Authorization})
	 * @param onToolsChanged called, on a thread of the client, each time the server says
	 * its tool list changed; it must not block
	 * @return the open connection
	 * @throws ToolTransportException when the server cannot be reached or refuses the
	 * session
	 */
	Connection open(EgressRoute route, Map<String, String> headers, Runnable onToolsChanged);

	/** An open session to an upstream server. */
	interface Connection extends AutoCloseable {

		/**
		 * Checks that the session still answers (an MCP ping).
		 * @return false when the server is gone or forgot the session
		 */
		boolean alive();

		/** Ends the session; never throws. */
		@Override
		void close();

	}

}
