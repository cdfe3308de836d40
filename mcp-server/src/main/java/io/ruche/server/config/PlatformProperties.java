package io.ruche.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform, under the prefix {@code platform}. Each has an environment
 * variable documented in {@code docs/operations.md}.
 *
 * @param dataDir where the embedded store and the bootstrap key live
 * ({@code RUCHE_DATA_DIR})
 * @param bootstrapKey the admin key of the bootstrap tenant, or null to generate one
 * ({@code RUCHE_BOOTSTRAP_KEY})
 * @param apiKey the key stdio sessions act with, or null for the bootstrap admin
 * ({@code RUCHE_API_KEY})
 * @param mcp the MCP transport limits and checks
 * @param conformance the conformance fixtures
 */
@ConfigurationProperties("platform")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @Nullable String bootstrapKey,
		@Nullable String apiKey, @DefaultValue McpProperties mcp, @DefaultValue ConformanceProperties conformance) {

	/**
	 * MCP transport settings.
	 *
	 * @param maxRequestBytes the largest accepted JSON-RPC request body
	 * @param allowedHosts the Host header values accepted (DNS-rebinding protection);
	 * {@code name:*} allows any port; an empty list accepts any Host
	 * @param allowedOrigins the Origin header values accepted from browsers;
	 * {@code origin:*} allows any port; requests without Origin are accepted, an empty
	 * list refuses every request that has one
	 * @param keepAlive the interval of keep-alive pings on open streams
	 * @param keyCacheTtl how long an authenticated key is trusted before it is looked up
	 * again
	 * @param sessionIdleTimeout how long a session with no request and no open stream
	 * lives before it ends (its id then answers 404)
	 * @param pinnedAgentsPerTenant how many agents of one tenant may have sessions pinned
	 * to them at once (each has an MCP server of its own)
	 * @param pinnedServerIdleTimeout how long the server of a pinned agent stays after
	 * its last session ended
	 */
	public record McpProperties(@DefaultValue("1048576") int maxRequestBytes, @DefaultValue( {
			"localhost:*", "127.0.0.1:*", "[::1]:*" }) List<String> allowedHosts,
			@DefaultValue({ "http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*" }) List<String> allowedOrigins,
			@DefaultValue("30s") Duration keepAlive, @DefaultValue("30s") Duration keyCacheTtl,
			@DefaultValue("30m") Duration sessionIdleTimeout, @DefaultValue("20") int pinnedAgentsPerTenant,
			@DefaultValue("5m") Duration pinnedServerIdleTimeout){
	}

	/**
	 * The fixtures of the official MCP conformance suite, served at
	 * {@code /conformance/mcp} to loopback clients.
	 *
	 * @param enabled whether they are served ({@code RUCHE_CONFORMANCE_ENABLED})
	 */
	public record ConformanceProperties(@DefaultValue("false") boolean enabled) {
	}

}
