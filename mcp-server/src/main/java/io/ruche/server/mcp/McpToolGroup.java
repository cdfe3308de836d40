package io.ruche.server.mcp;

import java.util.List;

/**
 * A feature's set of MCP tools; every group in the application context is served.
 */
public interface McpToolGroup {

	List<McpTool> tools();

}
