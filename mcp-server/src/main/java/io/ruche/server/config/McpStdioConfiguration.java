package io.ruche.server.config;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.kernel.model.Role;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.server.mcp.McpNotifier;
import io.ruche.server.mcp.McpServerFactory;
import io.ruche.server.mcp.StdioSession;
import io.ruche.server.security.ApiKeyService;
import io.ruche.server.security.Principal;
import io.ruche.server.security.StdioIdentity;
import io.ruche.server.security.TenantBootstrap;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves MCP on stdin/stdout ({@code java -jar ruche.jar stdio}). The session acts as the
 * key in {@code RUCHE_API_KEY}, else as the bootstrap admin. The server reads stdin on
 * its own non-daemon thread, which keeps the process alive until stdin closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNotWebApplication
public class McpStdioConfiguration {

	@Bean(destroyMethod = "closeGracefully")
	McpSyncServer stdioServer(McpServerFactory factory, McpJsonMapper jsonMapper, StdioIdentity identity,
			ApiKeyService keys, PlatformProperties properties, TenantBootstrap bootstrap) {
		identity.actAs(resolve(keys, properties.apiKey()));
		return factory.create(new StdioServerTransportProvider(jsonMapper));
	}

	@Bean
	McpNotifier stdioNotifier(McpSyncServer stdioServer, StdioIdentity identity, AgentConfiguration configuration,
			ChangeBroadcast changes) {
		McpNotifier notifier = new McpNotifier(new StdioSession(stdioServer, identity::principal), configuration,
				(change) -> {
				});
		changes.subscribe(notifier::onChange);
		return notifier;
	}

	private static Principal resolve(ApiKeyService keys, @Nullable String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			return new Principal(TenantBootstrap.DEFAULT_TENANT, Role.ADMIN, "stdio-bootstrap-admin", true);
		}
		return keys.authenticate(apiKey.trim())
			.orElseThrow(() -> new IllegalStateException("RUCHE_API_KEY is not a valid API key of this store"));
	}

}
