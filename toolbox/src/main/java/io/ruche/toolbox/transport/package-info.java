/**
 * The transports that reach tools: HTTP, upstream MCP servers and built-in tools.
 */
@NullMarked
package io.ruche.toolbox.transport;

import org.jspecify.annotations.NullMarked;
