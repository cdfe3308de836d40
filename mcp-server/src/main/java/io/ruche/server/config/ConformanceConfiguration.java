package io.ruche.server.config;

import java.util.List;

import jakarta.servlet.http.HttpServlet;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.ruche.server.mcp.conformance.ConformanceEndpoint;
import io.ruche.server.mcp.conformance.LoopbackOnlyFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves the fixtures of the MCP conformance suite at {@value ConformanceEndpoint#PATH}
 * when {@code platform.conformance.enabled} ({@code RUCHE_CONFORMANCE_ENABLED}) is true:
 * without authentication, to loopback clients only, through the same transport settings
 * (JSON mapper, Host/Origin validation, request size limit, keep-alive) as {@code /mcp}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "platform.conformance", name = "enabled", havingValue = "true")
public class ConformanceConfiguration {

	@Bean
	ConformanceEndpoint conformanceEndpoint(McpJsonMapper jsonMapper, PlatformProperties properties,
			ObjectProvider<BuildProperties> build) {
		return new ConformanceEndpoint(
				McpHttpConfiguration.streamableTransport(jsonMapper, properties.mcp(), ConformanceEndpoint.PATH)
					.build(),
				jsonMapper, McpConfiguration.serverVersion(build));
	}

	@Bean
	ServletRegistrationBean<HttpServlet> conformanceServlet(ConformanceEndpoint endpoint) {
		ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(endpoint.servlet(),
				ConformanceEndpoint.PATH);
		registration.setName("conformanceMcp");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoopbackOnlyFilter> conformanceLoopbackOnly() {
		FilterRegistrationBean<LoopbackOnlyFilter> registration = new FilterRegistrationBean<>(
				new LoopbackOnlyFilter());
		registration.setUrlPatterns(List.of(ConformanceEndpoint.PATH, "/conformance/*"));
		registration.setAsyncSupported(true);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Closes the fixtures' MCP sessions before the web server's graceful shutdown, which
	 * would otherwise wait for their open SSE streams until its timeout.
	 * @param endpoint the endpoint
	 * @return the lifecycle bean
	 */
	@Bean
	SmartLifecycle conformanceShutdown(ConformanceEndpoint endpoint) {
		return CallbackLifecycle.mcpShutdown(endpoint::close);
	}

}
