package io.ruche.server.toolbox;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ruche.kernel.model.TenantId;
import io.ruche.toolbox.port.ToolMetrics;

/**
 * Records tool calls as the Micrometer timer {@code ruche.tool.calls}, tagged by tool and
 * status. The tenant is not a tag (unbounded cardinality); tool names are bounded by the
 * catalogs.
 */
public final class MicrometerToolMetrics implements ToolMetrics {

	static final String METER = "ruche.tool.calls";

	private final MeterRegistry registry;

	public MicrometerToolMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void recordCall(TenantId tenant, String toolName, String status, long durationMs) {
		Timer.builder(METER)
			.description("Toolbox tool calls by tool and status")
			.tag("tool", toolName)
			.tag("status", status)
			.register(this.registry)
			.record(Duration.ofMillis(Math.max(0, durationMs)));
	}

}
