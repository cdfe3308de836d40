package io.ruche.toolbox.transport.internal;

import java.time.Duration;
import java.util.Map;

import io.ruche.toolbox.egress.Egress;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.port.TransportResult;
import io.ruche.toolbox.port.UpstreamTools;
import io.ruche.toolbox.registry.ImportedTools;
import io.ruche.toolbox.secret.SecretCipher;

/**
 * Calls a tool imported from an upstream MCP server under its upstream name, through a
 * route checked for the call.
 */
public final class McpToolTransport implements ToolTransport {

	private final UpstreamTools upstream;

	private final SecretCipher cipher;

	private final Egress egress;

	public McpToolTransport(UpstreamTools upstream, SecretCipher cipher, Egress egress) {
		this.upstream = upstream;
		this.cipher = cipher;
		this.egress = egress;
	}

	@Override
	public TransportResult call(ToolDefinition tool, Map<String, Object> arguments, Duration timeout) {
		String name = ImportedTools.upstreamName(tool)
			.orElseThrow(() -> new IllegalStateException("tool '" + tool.name() + "' was not imported from MCP"));
		try (EgressRoute route = this.egress.open(tool.tenant(), tool.target())) {
			return this.upstream.call(route, this.cipher.decryptAll(tool.tenant(), tool.secrets()), name, arguments,
					timeout);
		}
	}

}
