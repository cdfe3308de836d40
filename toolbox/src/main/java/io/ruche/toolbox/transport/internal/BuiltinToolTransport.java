package io.ruche.toolbox.transport.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.ruche.toolbox.builtin.BuiltinTool;
import io.ruche.toolbox.builtin.BuiltinTools;
import io.ruche.toolbox.model.ToolDefinition;
import io.ruche.toolbox.port.JsonCodec;
import io.ruche.toolbox.port.ToolTransport;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.TransportResult;

/** Runs a built-in tool in-process; its size is that of its JSON encoding. */
public final class BuiltinToolTransport implements ToolTransport {

	private final BuiltinTools tools;

	private final JsonCodec json;

	public BuiltinToolTransport(BuiltinTools tools, JsonCodec json) {
		this.tools = tools;
		this.json = json;
	}

	@Override
	public TransportResult call(ToolDefinition tool, Map<String, Object> arguments, Duration timeout) {
		BuiltinTool builtin = this.tools.find(tool.target())
			.orElseThrow(() -> new ToolTransportException("no built-in tool named '" + tool.target() + "'", false));
		try {
			Object output = builtin.call(arguments);
			return new TransportResult(output, this.json.encode(output).getBytes(StandardCharsets.UTF_8).length);
		}
		catch (IllegalArgumentException ex) {
			throw new ToolTransportException(String.valueOf(ex.getMessage()), false);
		}
	}

}
