package io.ruche.server.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, hole 3: with another tenant's {@code Mcp-Session-Id} a viewer key read that
 * session's stream, deleted it and answered its elicitation (request id
 * {@code <session>-0}), which confirmed an irreversible tool. A session is now usable
 * only with the key that opened it, and the ids of requests sent to clients cannot be
 * derived from the session id.
 */
class SessionBindingIT extends McpSecuritySupport {

	private static final AtomicInteger CHARGES = new AtomicInteger();

	private static HttpServer target;

	@BeforeAll
	static void startTarget() throws IOException {
		target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		target.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		target.createContext("/charge", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			CHARGES.incrementAndGet();
			byte[] body = "{\"charged\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		target.start();
	}

	@AfterAll
	static void stopTarget() {
		target.stop(0);
	}

	@Test
	void anotherTenantsKeyCannotReadDeleteOrWriteASession() throws Exception {
		String attacker = newKey(newTenant(), "viewer").secret();
		AtomicReference<String> sessionId = new AtomicReference<>();
		McpSyncClient victim = client(transport(newTenant(), "", sessionId), (spec) -> {
		});
		victim.listTools();

		int read = openStream(attacker, sessionId.get());
		HttpResponse<String> written = send("POST", "/mcp", attacker, sessionId.get(),
				"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}");
		HttpResponse<String> deleted = send("DELETE", "/mcp", attacker, sessionId.get(), null);

		assertThat(read).isEqualTo(404);
		assertThat(written.statusCode()).isEqualTo(404);
		assertThat(written.body()).contains("Session not found").doesNotContain(sessionId.get());
		assertThat(deleted.statusCode()).isEqualTo(404);
		assertThat(victim.listTools().tools()).isNotEmpty();
	}

	@Test
	void anotherKeyOfTheSameTenantIsRefusedToo() throws Exception {
		String admin = newTenant();
		String sibling = newKey(admin, "admin").secret();
		AtomicReference<String> sessionId = new AtomicReference<>();
		McpSyncClient victim = client(transport(admin, "", sessionId), (spec) -> {
		});
		victim.listTools();

		int read = openStream(sibling, sessionId.get());
		HttpResponse<String> deleted = send("DELETE", "/mcp", sibling, sessionId.get(), null);

		assertThat(read).isEqualTo(404);
		assertThat(deleted.statusCode()).isEqualTo(404);
		assertThat(victim.listTools().tools()).isNotEmpty();
	}

	@Test
	void aForeignKeyCannotAnswerTheElicitationThatConfirmsAnIrreversibleTool() throws Exception {
		String attacker = newKey(newTenant(), "viewer").secret();
		String victimKey = newTenant();
		registerIrreversibleTool(client(victimKey));
		CountDownLatch asked = new CountDownLatch(1);
		CountDownLatch attacked = new CountDownLatch(1);
		AtomicReference<String> sessionId = new AtomicReference<>();
		WireTap tap = new WireTap(transport(victimKey, "", sessionId));
		McpSyncClient victim = client(tap, (spec) -> spec.elicitation((request) -> {
			asked.countDown();
			awaitQuietly(attacked);
			return ElicitResult.builder(ElicitResult.Action.DECLINE).build();
		}));
		int chargesBefore = CHARGES.get();

		CompletableFuture<CallToolResult> invocation = CompletableFuture
			.supplyAsync(() -> victim.callTool(CallToolRequest.builder("tool_invoke")
				.arguments(Map.of("name", "card_charge", "arguments", Map.of()))
				.build()), Executors.newVirtualThreadPerTaskExecutor());
		assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();
		String requestId = String.valueOf(tap.requests(McpSchema.METHOD_ELICITATION_CREATE).get(0).id());
		HttpResponse<String> guessed = send("POST", "/mcp", attacker, sessionId.get(),
				acceptance(sessionId.get() + "-0"));
		HttpResponse<String> leaked = send("POST", "/mcp", attacker, sessionId.get(), acceptance(requestId));
		attacked.countDown();
		CallToolResult result = invocation.get(20, TimeUnit.SECONDS);

		assertThat(guessed.statusCode()).isEqualTo(404);
		assertThat(leaked.statusCode()).isEqualTo(404);
		assertThat(requestId).doesNotContain(sessionId.get()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(result.isError()).isTrue();
		@SuppressWarnings("unchecked")
		Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
		assertThat(structured).containsEntry("status", "rejected");
		assertThat(CHARGES.get()).isEqualTo(chargesBefore);
	}

	private static void registerIrreversibleTool(McpSyncClient builder) {
		Map<String, Object> tool = new HashMap<>(Map.of("name", "card_charge", "description",
				"Charges the customer's card; cannot be undone.", "kind", "http", "target",
				"http://127.0.0.1:" + target.getAddress().getPort() + "/charge", "side_effect", "irreversible",
				"input_schema", Map.of("type", "object", "properties", Map.of())));
		tool.put("requires_confirmation", true);
		call(builder, "tool_register", Map.of("tool", tool));
	}

	private static String acceptance(String id) {
		return "{\"jsonrpc\":\"2.0\",\"id\":\"" + id
				+ "\",\"result\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}";
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
