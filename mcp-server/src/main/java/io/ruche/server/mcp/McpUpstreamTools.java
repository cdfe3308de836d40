package io.ruche.server.mcp;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.ruche.toolbox.egress.EgressRoute;
import io.ruche.toolbox.port.ToolTransportException;
import io.ruche.toolbox.port.TransportResult;
import io.ruche.toolbox.port.TransportTimeoutException;
import io.ruche.toolbox.port.UpstreamTools;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to upstream MCP servers with the MCP SDK's sync client over Streamable HTTP. Each
 * list or call uses a short-lived client (initialize, one request, close), so that no
 * session outlives a call and secret headers are never shared between tenants. The
 * decrypted secret headers go on every HTTP request. The long-lived sessions that hear
 * {@code tools/list_changed} are {@link McpUpstreamWatch}'s.
 */
public final class McpUpstreamTools implements UpstreamTools {

	private static final Logger logger = LoggerFactory.getLogger(McpUpstreamTools.class);

	private static final Duration LIST_TIMEOUT = Duration.ofSeconds(20);

	private final McpJsonMapper jsonMapper;

	private final UpstreamClients clients;

	public McpUpstreamTools(McpJsonMapper jsonMapper, String clientVersion, long maxResponseBytes) {
		this.jsonMapper = jsonMapper;
		this.clients = new UpstreamClients(jsonMapper, clientVersion, maxResponseBytes);
	}

	@Override
	public List<UpstreamTool> list(EgressRoute route, Map<String, String> headers) {
		return withClient(route, headers, LIST_TIMEOUT, (client) -> {
			List<UpstreamTool> tools = new ArrayList<>();
			ListToolsResult page = client.listTools();
			tools.addAll(page.tools().stream().map(McpUpstreamTools::descriptor).toList());
			int pages = 1;
			while (page.nextCursor() != null && !page.nextCursor().isBlank() && pages++ < 100) {
				page = client.listTools(page.nextCursor());
				tools.addAll(page.tools().stream().map(McpUpstreamTools::descriptor).toList());
			}
			return tools;
		});
	}

	@Override
	public TransportResult call(EgressRoute route, Map<String, String> headers, String toolName,
			Map<String, Object> arguments, Duration timeout) {
		return withClient(route, headers, timeout, (client) -> {
			CallToolResult result = client.callTool(CallToolRequest.builder(toolName).arguments(arguments).build());
			Object output = output(result);
			if (Boolean.TRUE.equals(result.isError())) {
				throw new ToolTransportException("upstream tool '" + toolName + "' failed: " + text(result), false);
			}
			long bytes = size(output);
			return new TransportResult(output, bytes);
		});
	}

	private <T> T withClient(EgressRoute route, Map<String, String> headers, Duration timeout,
			Function<McpSyncClient, T> work) {
		String base = UpstreamClients.base(route.target());
		McpSyncClient client = this.clients
			.client(route, headers, timeout, (timeout.compareTo(LIST_TIMEOUT) < 0) ? timeout : LIST_TIMEOUT)
			.build();
		try {
			client.initialize();
			return work.apply(client);
		}
		catch (ToolTransportException ex) {
			throw ex;
		}
		catch (McpError ex) {
			throw new ToolTransportException(
					"upstream MCP server at " + base + " answered with an error: "
							+ ((ex.getJsonRpcError() != null) ? ex.getJsonRpcError().message() : ex.getMessage()),
					false);
		}
		catch (RuntimeException ex) {
			if (isTimeout(ex)) {
				throw new TransportTimeoutException(
						"upstream MCP server at " + base + " did not answer within " + timeout.toMillis() + " ms");
			}
			logger.debug("Upstream MCP server at {} failed", base, ex);
			throw new ToolTransportException(UpstreamClients.unreachable(route.target(), ex), true);
		}
		finally {
			try {
				client.close();
			}
			catch (RuntimeException ex) {
				// the session may already be gone
			}
		}
	}

	private long size(@Nullable Object output) {
		try {
			return this.jsonMapper.writeValueAsString(output).getBytes(StandardCharsets.UTF_8).length;
		}
		catch (java.io.IOException ex) {
			throw new ToolTransportException("the upstream result is not JSON-like: " + ex.getMessage(), false);
		}
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Object output(CallToolResult result) {
		if (result.structuredContent() != null) {
			return result.structuredContent();
		}
		List<McpSchema.Content> content = (result.content() != null) ? result.content() : List.of();
		if (content.size() == 1 && content.get(0) instanceof McpSchema.TextContent text) {
			return text.text();
		}
		List<Object> parts = new ArrayList<>();
		for (McpSchema.Content part : content) {
			if (part instanceof McpSchema.TextContent text) {
				parts.add(text.text());
			}
			else {
				parts.add(Map.of("type", part.type()));
			}
		}
		return parts;
	}

	private static String text(CallToolResult result) {
		if (result.content() == null) {
			return "no details";
		}
		String text = result.content()
			.stream()
			.filter(McpSchema.TextContent.class::isInstance)
			.map((c) -> ((McpSchema.TextContent) c).text())
			.reduce((a, b) -> a + " " + b)
			.orElse("no details");
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

	private static UpstreamTool descriptor(McpSchema.Tool tool) {
		Map<String, Object> annotations = new LinkedHashMap<>();
		McpSchema.ToolAnnotations hints = tool.annotations();
		if (hints != null) {
			putIfSet(annotations, "title", hints.title());
			putIfSet(annotations, "readOnlyHint", hints.readOnlyHint());
			putIfSet(annotations, "destructiveHint", hints.destructiveHint());
			putIfSet(annotations, "idempotentHint", hints.idempotentHint());
			putIfSet(annotations, "openWorldHint", hints.openWorldHint());
		}
		if (tool.title() != null && !annotations.containsKey("title")) {
			annotations.put("title", tool.title());
		}
		Map<String, Object> input = (tool.inputSchema() != null) ? withoutNulls(tool.inputSchema())
				: Map.of("type", "object");
		Map<String, Object> output = (tool.outputSchema() != null) ? withoutNulls(tool.outputSchema()) : null;
		return new UpstreamTool(tool.name(), (tool.description() != null) ? tool.description() : "", input, output,
				annotations);
	}

	private static void putIfSet(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withoutNulls(Map<String, Object> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key, (value instanceof Map<?, ?> nested) ? withoutNulls((Map<String, Object>) nested) : value);
			}
		});
		return copy;
	}

}
