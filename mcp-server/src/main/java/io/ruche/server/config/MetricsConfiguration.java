package io.ruche.server.config;

import java.util.List;

import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.OperatorOnlyFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may read the metrics: the actuator endpoints but health are kept to the platform
 * operator (see {@link OperatorOnlyFilter}); the series they hold are bounded by
 * {@link MetricsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

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
