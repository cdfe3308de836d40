package io.ruche.toolbox.port;

/**
 * A tool call that exceeded its timeout inside the transport (for example the HTTP
 * request timeout).
 */
public class TransportTimeoutException extends ToolTransportException {

	public TransportTimeoutException(String message) {
		super(message, false);
	}

}
