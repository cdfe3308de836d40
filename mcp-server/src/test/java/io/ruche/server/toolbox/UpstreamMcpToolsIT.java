package io.ruche.server.toolbox;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.McpSyncClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers a real upstream MCP server, {@code @modelcontextprotocol/server-everything},
 * started by the test in Streamable HTTP mode on a loopback port, then searches and
 * invokes its tools. The server's {@code dist/index.js} is found at
 * {@code RUCHE_SERVER_EVERYTHING} (or the system property
 * {@code ruche.server-everything}), else under
 * {@code ${RUCHE_TOOLS_DIR:-~/.cache/ruche-tools}/server-everything}; when it is missing
 * the test fails with the command that installs it. Node is {@code RUCHE_NODE}, else
 * {@code node} on the PATH.
 */
class UpstreamMcpToolsIT extends ToolboxItSupport {

	static final String INSTALL = "npm i --prefix \"${RUCHE_TOOLS_DIR:-$HOME/.cache/ruche-tools}/server-everything\" "
			+ "--no-audit --no-fund --loglevel=error @modelcontextprotocol/server-everything@2026.8.31";

	private static Process upstream;

	private static int upstreamPort;

	@BeforeAll
	static void startServerEverything() throws Exception {
		Path script = serverEverything();
		upstreamPort = freePort();
		ProcessBuilder builder = new ProcessBuilder(node(), script.toString(), "streamableHttp")
			.redirectErrorStream(true)
			.redirectOutput(Files.createTempFile("server-everything", ".log").toFile());
		builder.environment().put("PORT", String.valueOf(upstreamPort));
		upstream = builder.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!listening(upstreamPort)) {
			if (!upstream.isAlive()) {
				throw new AssertionError("server-everything exited with " + upstream.exitValue());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("server-everything did not listen on port " + upstreamPort + " within 30 s");
			}
			Thread.sleep(100);
		}
	}

	@AfterAll
	static void stopServerEverything() throws InterruptedException {
		if (upstream != null) {
			upstream.destroy();
			if (!upstream.waitFor(5, TimeUnit.SECONDS)) {
				upstream.destroyForcibly();
			}
		}
	}

	@Test
	void upstreamServerToolsAreImportedSearchedAndInvoked() {
		McpSyncClient client = client();
		Map<String, Object> registered = register(client,
				Map.of("name", "everything", "description", "The MCP reference server with sample tools", "kind", "mcp",
						"target", "http://127.0.0.1:" + upstreamPort + "/mcp", "side_effect", "idempotent",
						"timeout_ms", 10_000));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> tools = (List<Map<String, Object>>) registered.get("tools");
		assertThat(tools).extracting((t) -> t.get("name")).contains("everything", "everything.echo");

		Map<String, Object> found = ok(
				call(client, "tools_search", Map.of("query", "echo back the message I send", "limit", 5)));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> hits = (List<Map<String, Object>>) found.get("hits");
		assertThat(hits).extracting((h) -> h.get("name")).contains("everything.echo");

		Map<String, Object> result = ok(call(client, "tool_invoke",
				Map.of("name", "everything.echo", "arguments", Map.of("message", "hello upstream"))));
		assertThat(result).containsEntry("status", "ok");
		assertThat(String.valueOf(result.get("output"))).contains("hello upstream");

		Map<String, Object> resynced = ok(call(client, "tool_resync", Map.of("name", "everything")));
		assertThat((List<Map<String, Object>>) resynced.get("tools")).extracting((t) -> t.get("name"))
			.contains("everything.echo");
		assertThat((List<?>) resynced.get("removed")).isEmpty();

		Map<String, Object> removed = ok(call(client, "tool_remove", Map.of("name", "everything")));
		Map<String, Object> after = ok(
				call(client, "tools_search", Map.of("query", "echo back the message I send", "limit", 5)));
		assertThat(removed).containsEntry("removed", true);
		assertThat((List<Map<String, Object>>) after.get("hits")).extracting((h) -> h.get("name"))
			.doesNotContain("everything.echo");
	}

	private static Path serverEverything() {
		String configured = firstSet(System.getenv("RUCHE_SERVER_EVERYTHING"),
				System.getProperty("ruche.server-everything"));
		Path script;
		if (configured != null) {
			script = Path.of(configured);
			if (Files.isDirectory(script)) {
				script = script.resolve("dist/index.js");
			}
		}
		else {
			String tools = firstSet(System.getenv("RUCHE_TOOLS_DIR"),
					System.getProperty("user.home") + "/.cache/ruche-tools");
			script = Path.of(tools,
					"server-everything/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
		}
		if (!Files.isRegularFile(script)) {
			throw new AssertionError("server-everything is missing at " + script + "; install it with: " + INSTALL
					+ " (or set RUCHE_SERVER_EVERYTHING to its dist/index.js)");
		}
		return script;
	}

	private static String node() {
		String node = System.getenv("RUCHE_NODE");
		if (node != null && !node.isBlank()) {
			return node;
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, "node"))) {
				return Path.of(dir, "node").toString();
			}
		}
		throw new AssertionError("node is not on the PATH (or set RUCHE_NODE); server-everything needs it");
	}

	private static @Nullable String firstSet(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
