package io.ruche.server.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the metrics and how many series they hold, under the prefix
 * {@code platform.metrics}. See {@code docs/operations.md}.
 *
 * @param token a scrape token that a metrics collector sends as
 * {@code Authorization: Bearer <token>} instead of an operator's admin key
 * ({@code RUCHE_METRICS_TOKEN}); unset: only admin keys of the bootstrap tenant read
 * metrics
 * @param maxToolNames the most tool names that tag the {@code ruche.tool.calls} timer;
 * calls of further tools are counted under {@code tool="(other)"}
 */
@ConfigurationProperties("platform.metrics")
public record MetricsProperties(@Nullable String token, @DefaultValue("500") int maxToolNames) {

	public MetricsProperties {
		if (maxToolNames < 1) {
			throw new IllegalArgumentException("platform.metrics.max-tool-names must be at least 1");
		}
	}

}
