/**
 * Outbound ports of the Toolbox: its catalog, activations, the ledger of side-effecting
 * calls, and what the app provides (schema validation, JSON, upstream MCP servers,
 * transports and metrics).
 */
@NullMarked
package io.ruche.toolbox.port;

import org.jspecify.annotations.NullMarked;
