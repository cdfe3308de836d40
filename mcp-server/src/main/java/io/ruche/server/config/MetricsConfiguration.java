package io.ruche.server.config;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.observation.ObservationPredicate;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.OperatorOnlyFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Who may read the metrics: the actuator endpoints but health are kept to the platform
 * operator (see {@link OperatorOnlyFilter}); the series they hold are bounded by
 * {@link MetricsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

	/**
	 * {@code /mcp} requests are timed per tool ({@code ruche.mcp.tool.calls}), not as
	 * generic HTTP requests: starting and stopping Spring's per-request observation was
	 * about a tenth of a cheap tool call's CPU (docs/performance.md).
	 * @return the predicate that turns that observation off for {@code /mcp}
	 */
	@Bean
	ObservationPredicate mcpRequestsNotObservedAsHttp() {
		return (name,
				context) -> !(context instanceof ServerRequestObservationContext request
						&& request.getCarrier() instanceof HttpServletRequest servlet
						&& servlet.getRequestURI().startsWith("/mcp"));
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<OperatorOnlyFilter> operatorOnlyActuator(ApiKeyService keys, MetricsProperties metrics) {
		FilterRegistrationBean<OperatorOnlyFilter> registration = new FilterRegistrationBean<>(
				new OperatorOnlyFilter(keys, metrics.token()));
		registration.setUrlPatterns(List.of("/actuator", "/actuator/*"));
		registration.setOrder(10);
		return registration;
	}

}
