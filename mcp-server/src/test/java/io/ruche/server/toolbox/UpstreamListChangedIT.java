package io.ruche.server.toolbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.ruche.kernel.model.TenantId;
import io.ruche.server.security.TenantBootstrap;
import io.ruche.toolbox.ToolRegistry;
import io.ruche.toolbox.registry.ToolView;
import io.ruche.toolbox.upstream.UpstreamListeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ruche keeps a session open to each registered upstream MCP server and re-syncs the
 * registration when the server sends {@code notifications/tools/list_changed}: no
 * {@code tool_resync} is ever called here. The upstream is a real MCP Java SDK server on
 * a loopback port ({@link SdkUpstreamServer}).
 */
class UpstreamListChangedIT extends ToolboxItSupport {

	private static final TenantId TENANT = TenantBootstrap.DEFAULT_TENANT;

	@Autowired
	ToolRegistry registry;

	@Autowired
	UpstreamListeners listeners;

	@Test
	void addedChangedAndRemovedUpstreamToolsReachTheCatalogSearchAndPinnedSessions() throws IOException {
		try (SdkUpstreamServer upstream = new SdkUpstreamServer(freePort(), "alpha")) {
			McpSyncClient admin = client();
			register(admin, registration("live", upstream));
			createAgent(admin, "listening-agent");
			ok(call(admin, "tool_enable", Map.of("agent", "listening-agent", "name", "live")));
			List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
			McpSyncClient pinned = client("/mcp?agent=listening-agent",
					(spec) -> spec.toolsChangeConsumer(changes::add));
			assertThat(names(pinned.listTools().tools())).contains("live.alpha");
			awaitConnected("live");

			upstream.addTool("beta", "Translates a sentence into French");

			await("live.beta in the catalog", () -> catalog().contains("live.beta"));
			Map<String, Object> found = ok(
					call(admin, "tools_search", Map.of("query", "translate this sentence into French", "limit", 5)));
			assertThat(hitNames(found)).contains("live.beta");

			upstream.addTool("beta", "Translates a sentence into German");

			await("the new description of live.beta",
					() -> this.registry.find(TENANT, "live.beta")
						.map(ToolView::description)
						.filter((description) -> description.contains("German"))
						.isPresent());

			int heard = changes.size();
			upstream.removeTool("alpha");

			await("live.alpha gone from the catalog", () -> !catalog().contains("live.alpha"));
			await("tools/list_changed on the pinned session", () -> changes.size() > heard);
			assertThat(names(pinned.listTools().tools())).doesNotContain("live.alpha");
			assertThat(hitNames(ok(call(admin, "tools_search", Map.of("query", "alpha", "limit", 20)))))
				.doesNotContain("live.alpha");

			ok(call(admin, "tool_remove", Map.of("name", "live")));
			await("the listener of live to stop", () -> !this.listeners.connected(TENANT).contains("live"));
		}
	}

	@Test
	void reconnectsAfterTheUpstreamRestartsAndCatchesUp() throws IOException {
		int port = freePort();
		McpSyncClient admin = client();
		try (SdkUpstreamServer first = new SdkUpstreamServer(port, "one")) {
			register(admin, registration("restarting", first));
			awaitConnected("restarting");
		}
		await("the lost session to be noticed", () -> !this.listeners.connected(TENANT).contains("restarting"));

		try (SdkUpstreamServer second = new SdkUpstreamServer(port, "one", "two")) {
			// changed while nobody listened: caught up on reconnection
			await("restarting.two in the catalog", () -> catalog().contains("restarting.two"));
			awaitConnected("restarting");

			second.addTool("three", "A tool added after the restart");

			await("restarting.three in the catalog", () -> catalog().contains("restarting.three"));
			ok(call(admin, "tool_remove", Map.of("name", "restarting")));
		}
	}

	private void awaitConnected(String registration) {
		await("a session to the upstream server", () -> this.listeners.connected(TENANT).contains(registration));
	}

	private List<String> catalog() {
		return this.registry.list(TENANT).stream().map(ToolView::name).toList();
	}

	private static Map<String, Object> registration(String name, SdkUpstreamServer upstream) {
		return Map.of("name", name, "description", "An upstream MCP server whose tools change", "kind", "mcp", "target",
				upstream.url(), "side_effect", "idempotent", "timeout_ms", 10_000);
	}

	private static List<String> names(List<McpSchema.Tool> tools) {
		return tools.stream().map(McpSchema.Tool::name).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> hitNames(Map<String, Object> found) {
		return ((List<Map<String, Object>>) found.get("hits")).stream().map((hit) -> hit.get("name")).toList();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
