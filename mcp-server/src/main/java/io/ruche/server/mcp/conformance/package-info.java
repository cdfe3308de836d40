/**
 * The fixtures of the official MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}): tools, resources and prompts with the
 * names and contents its server scenarios expect, served at
 * {@link io.ruche.server.mcp.conformance.ConformanceEndpoint#PATH} only when
 * {@code platform.conformance.enabled} is set. They exercise Ruche's MCP stack, not its
 * product features.
 */
@NullMarked
package io.ruche.server.mcp.conformance;

import org.jspecify.annotations.NullMarked;
