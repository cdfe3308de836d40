/**
 * The MCP edge: the only package that builds MCP SDK specifications from the core's
 * services.
 */
@NullMarked
package io.ruche.server.mcp;

import org.jspecify.annotations.NullMarked;
