package io.ruche.server.config;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.server.mcp.AgentTools;
import io.ruche.server.mcp.McpHttpEndpoint;
import io.ruche.server.mcp.McpNotifier;
import io.ruche.server.mcp.McpServerFactory;
import io.ruche.server.mcp.McpServers;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.BearerAuthenticationFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves MCP over Streamable HTTP at {@code /mcp}, behind bearer authentication,
 * Host/Origin validation and a request size limit, with sessions bound to the key that
 * opened them and the servers of pinned agents bounded per tenant.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class McpHttpConfiguration {

	@Bean
	McpServers mcpServers(McpServerFactory factory, McpJsonMapper jsonMapper, PlatformProperties properties,
			AgentTools agentTools) {
		PlatformProperties.McpProperties mcp = properties.mcp();
		return new McpServers(factory, agentTools,
				() -> streamableTransport(jsonMapper, mcp, McpHttpEndpoint.PATH)
					.contextExtractor(McpHttpEndpoint::context),
				new McpServers.SessionLimits(mcp.sessionIdleTimeout(), mcp.pinnedAgentsPerTenant(),
						mcp.pinnedServerIdleTimeout()));
	}

	@Bean
	McpHttpEndpoint mcpHttpEndpoint(McpServers servers, AgentConfiguration agents) {
		return new McpHttpEndpoint(servers, agents);
	}

	/**
	 * Gauges of the MCP servers and sessions open, which the limits of
	 * {@code platform.mcp} bound.
	 * @param servers the servers
	 * @return the binder of the gauges
	 */
	@Bean
	MeterBinder mcpServerGauges(McpServers servers) {
		return (registry) -> {
			Gauge.builder("ruche.mcp.servers", servers, McpServers::serverCount)
				.description("MCP servers running: the shared one and those of pinned agents")
				.register(registry);
			Gauge.builder("ruche.mcp.sessions", servers, McpServers::sessionCount)
				.description("MCP sessions open on the HTTP endpoint")
				.register(registry);
		};
	}

	/**
	 * A Streamable HTTP transport builder with the settings every MCP endpoint shares:
	 * the JSON mapper, keep-alive, request size limit and Host/Origin validation.
	 * @param jsonMapper the MCP JSON mapper
	 * @param mcp the MCP transport settings
	 * @param endpoint the path the transport answers on
	 * @return the builder, ready for endpoint-specific settings
	 */
	static HttpServletStreamableServerTransportProvider.Builder streamableTransport(McpJsonMapper jsonMapper,
			PlatformProperties.McpProperties mcp, String endpoint) {
		return HttpServletStreamableServerTransportProvider.builder()
			.jsonMapper(jsonMapper)
			.mcpEndpoint(endpoint)
			.keepAliveInterval(mcp.keepAlive())
			.maxRequestSize(mcp.maxRequestBytes())
			.httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedHosts(mcp.allowedHosts())
				.allowedOrigins(mcp.allowedOrigins())
				.build());
	}

	@Bean
	ServletRegistrationBean<McpHttpEndpoint> mcpServlet(McpHttpEndpoint endpoint) {
		ServletRegistrationBean<McpHttpEndpoint> registration = new ServletRegistrationBean<>(endpoint,
				McpHttpEndpoint.PATH);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	/**
	 * Spring's filter that exposes the request to code outside Spring MVC's servlet, but
	 * not on {@code /mcp}, where nothing reads it and a cheap tool call paid for it
	 * (docs/performance.md). Boot's own steps aside for it.
	 * @return the filter
	 */
	@Bean
	OrderedRequestContextFilter requestContextExceptMcp() {
		return new OrderedRequestContextFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return McpHttpEndpoint.isMcp(request);
			}

		};
	}

	@Bean
	FilterRegistrationBean<BearerAuthenticationFilter> bearerAuthentication(ApiKeyService keys) {
		FilterRegistrationBean<BearerAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new BearerAuthenticationFilter(keys));
		registration.setUrlPatterns(List.of(McpHttpEndpoint.PATH, McpHttpEndpoint.PATH + "/*", "/api/*"));
		registration.setAsyncSupported(true);
		registration.setOrder(10);
		return registration;
	}

	@Bean
	McpNotifier mcpNotifier(McpServers servers, AgentConfiguration configuration, ChangeBroadcast changes) {
		McpNotifier notifier = new McpNotifier(servers, configuration,
				(change) -> servers.refreshAgentTools(change.tenant()));
		changes.subscribe(notifier::onChange);
		return notifier;
	}

	/**
	 * Closes MCP sessions before the web server's graceful shutdown, which would
	 * otherwise wait for open SSE streams until its timeout.
	 * @param endpoint the endpoint
	 * @return the lifecycle bean
	 */
	@Bean
	SmartLifecycle mcpShutdown(McpServers servers) {
		return CallbackLifecycle.mcpShutdown(servers::close);
	}

}
