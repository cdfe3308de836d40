package io.ruche.server.config;

import java.util.List;

import io.ruche.brain.configuration.ContentLimits;
import io.ruche.server.http.RequestBodyLimitFilter;
import io.ruche.server.mcp.JsonRpcRequestFilter;
import io.ruche.server.mcp.McpHttpEndpoint;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on what callers send: the size of REST bodies, the shape of JSON-RPC messages
 * (checked before the SDK reads them) and what an agent's configuration may hold.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiProperties.class, LimitsProperties.class })
public class InputLimitsConfiguration {

	// after bearer authentication (order 10): an unknown key learns nothing about bodies
	private static final int AFTER_AUTHENTICATION = 20;

	@Bean
	ContentLimits contentLimits(LimitsProperties limits) {
		return limits.contentLimits();
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<RequestBodyLimitFilter> restBodyLimit(ApiProperties api) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(api.maxRequestBytes()));
		registration.setUrlPatterns(List.of("/api/*"));
		registration.setOrder(AFTER_AUTHENTICATION);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<JsonRpcRequestFilter> jsonRpcShape(JsonMapper json, PlatformProperties platform) {
		FilterRegistrationBean<JsonRpcRequestFilter> registration = new FilterRegistrationBean<>(
				new JsonRpcRequestFilter(json, platform.mcp().maxRequestBytes()));
		registration.setUrlPatterns(List.of(McpHttpEndpoint.PATH));
		registration.setAsyncSupported(true);
		registration.setOrder(AFTER_AUTHENTICATION);
		return registration;
	}

}
