/**
 * Listening to upstream MCP servers: one long-lived session per {@code kind: mcp}
 * registration, re-syncing the registration when the server says its tools changed.
 */
@NullMarked
package io.ruche.toolbox.upstream;

import org.jspecify.annotations.NullMarked;
