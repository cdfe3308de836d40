package io.ruche.toolbox.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.port.TransportResult;
import io.ruche.toolbox.port.UpstreamTools;

/** An upstream MCP server in memory: its tools can change between listings. */
public final class FakeUpstreamTools implements UpstreamTools {

	public final List<UpstreamTool> tools = new CopyOnWriteArrayList<>();

	public final List<String> calledTools = new CopyOnWriteArrayList<>();

	public volatile Map<String, String> lastHeaders = Map.of();

	public final AtomicInteger listings = new AtomicInteger();

	@Override
	public List<UpstreamTool> list(EgressRoute route, Map<String, String> headers) {
		this.lastHeaders = headers;
		this.listings.incrementAndGet();
		return new ArrayList<>(this.tools);
	}

	@Override
	public TransportResult call(EgressRoute route, Map<String, String> headers, String toolName,
			Map<String, Object> arguments, Duration timeout) {
		this.lastHeaders = headers;
		this.calledTools.add(toolName);
		return new TransportResult(Map.of("tool", toolName, "arguments", arguments), 10);
	}

}
