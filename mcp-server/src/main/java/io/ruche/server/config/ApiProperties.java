package io.ruche.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the REST API at {@code /api}, under the prefix {@code platform.api}.
 *
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * ({@code RUCHE_API_MAX_REQUEST_BYTES}), as {@code platform.mcp.max-request-bytes} for
 * MCP
 */
@ConfigurationProperties("platform.api")
public record ApiProperties(@DefaultValue("1048576") int maxRequestBytes) {
}
