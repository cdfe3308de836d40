package io.ruche.server.config;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.observation.ObservationRegistry;
import io.ruche.server.mcp.McpHttpEndpoint;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.OperatorOnlyFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Who may read the metrics: the actuator endpoints but health are kept to the platform
 * operator (see {@link OperatorOnlyFilter}); the series they hold are bounded by
 * {@link MetricsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

	/**
	 * Spring Boot's per-request observation filter, but not on {@code /mcp}: MCP calls
	 * are timed per tool ({@code ruche.mcp.tool.calls}), and starting an observation for
	 * each was a visible share of a cheap tool call's CPU, even when a predicate then
	 * turned it off (docs/performance.md). Registered as Boot registers its own, which
	 * then steps aside.
	 * @param registry the observation registry
	 * @param convention an application's own naming convention, if any
	 * @param observations the observation settings
	 * @return the filter's registration
	 */
	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<ServerHttpObservationFilter> httpObservationExceptMcp(ObservationRegistry registry,
			ObjectProvider<ServerRequestObservationConvention> convention, ObservationProperties observations) {
		String name = observations.getHttp().getServer().getRequests().getName();
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
				new ServerHttpObservationFilter(registry,
						convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name))) {

					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						return McpHttpEndpoint.isMcp(request);
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
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
