package io.ruche.server.mcp;

import io.modelcontextprotocol.server.McpSyncServer;

/**
 * One of Ruche's MCP servers with the transport its sessions reach it through.
 *
 * @param transport the transport
 * @param server the server
 */
record Served(ScopedTransport transport, McpSyncServer server) {
}
