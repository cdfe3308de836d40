package io.ruche.server.toolbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.port.ToolMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records tool calls as the Micrometer timer {@code ruche.tool.calls}, tagged by tool and
 * status. The tenant is not a tag (unbounded cardinality). Tool names are the tenants'
 * own, so at most {@code maxToolNames} of them become tags, first come first served;
 * calls of further tools are counted under {@value #OTHER} (a value no tool name can
 * take), so that a large catalog cannot grow the scrape without bound.
 */
public final class MicrometerToolMetrics implements ToolMetrics {

	static final String METER = "ruche.tool.calls";

	static final String OTHER = "(other)";

	private static final Logger log = LoggerFactory.getLogger(MicrometerToolMetrics.class);

	private final MeterRegistry registry;

	private final int maxToolNames;

	private final Set<String> toolNames = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean capReached = new AtomicBoolean();

	public MicrometerToolMetrics(MeterRegistry registry, int maxToolNames) {
		this.registry = registry;
		this.maxToolNames = maxToolNames;
	}

	@Override
	public void recordCall(TenantId tenant, String toolName, String status, long durationMs) {
		Timer.builder(METER)
			.description("Toolbox tool calls by tool and status")
			.tag("tool", tag(toolName))
			.tag("status", status)
			.register(this.registry)
			.record(Duration.ofMillis(Math.max(0, durationMs)));
	}

	// Racing first calls may add a few names past the cap; the bound holds within them.
	private String tag(String toolName) {
		if (this.toolNames.contains(toolName) || this.toolNames.size() < this.maxToolNames) {
			this.toolNames.add(toolName);
			return toolName;
		}
		if (this.capReached.compareAndSet(false, true)) {
			log.warn("{} tool names tag ruche.tool.calls already (platform.metrics.max-tool-names): further tools "
					+ "are counted under tool=\"{}\"", this.maxToolNames, OTHER);
		}
		return OTHER;
	}

}
