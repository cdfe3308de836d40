/**
 * Adapters of the Toolbox's ports to the application's libraries: Jackson, the JSON
 * Schema validator, Micrometer, and the brain's tool ports. Adapters that use the MCP SDK
 * live in {@code io.ruche.server.mcp}.
 */
@NullMarked
package io.ruche.server.toolbox;

import org.jspecify.annotations.NullMarked;
