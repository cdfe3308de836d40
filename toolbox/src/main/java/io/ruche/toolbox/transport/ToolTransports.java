package io.ruche.toolbox.transport;

import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.port.UpstreamTools;
import io.ruche.toolbox.secret.SecretCipher;
import io.ruche.toolbox.transport.internal.BuiltinToolTransport;
import io.ruche.toolbox.transport.internal.HttpToolTransport;
import io.ruche.toolbox.transport.internal.McpToolTransport;

/**
 * Factories of the standard transports, one per {@link io.ruche.toolbox.model.ToolKind}.
 */
public final class ToolTransports {

	private ToolTransports() {
	}

	/**
	 * The HTTP transport: POSTs the JSON arguments to the tool's target with its
	 * decrypted secret headers, through a route the egress check opens for each call;
	 * never follows redirects (they would bypass the egress policy).
	 * @param egress the egress check
	 * @param json the JSON codec
	 * @param cipher decrypts the secret headers
	 * @param maxResponseBytes the transport stops reading a response beyond this size
	 * @return the transport
	 */
	public static ToolTransport http(Egress egress, JsonCodec json, SecretCipher cipher, long maxResponseBytes) {
		return new HttpToolTransport(egress, json, cipher, maxResponseBytes);
	}

	/**
	 * The transport of tools imported from upstream MCP servers, through a route the
	 * egress check opens for each call.
	 * @param upstream the MCP client port
	 * @param cipher decrypts the secret headers
	 * @param egress the egress check
	 * @return the transport
	 */
	public static ToolTransport mcp(UpstreamTools upstream, SecretCipher cipher, Egress egress) {
		return new McpToolTransport(upstream, cipher, egress);
	}

	/**
	 * The transport of built-in tools, run in-process.
	 * @param tools the built-in tools
	 * @param json measures the output size
	 * @return the transport
	 */
	public static ToolTransport builtin(BuiltinTools tools, JsonCodec json) {
		return new BuiltinToolTransport(tools, json);
	}

}
