package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.Test;

import static io.ruche.server.toolbox.ToolboxItSupport.call;
import static io.ruche.server.toolbox.ToolboxItSupport.ok;
import static io.ruche.server.toolbox.ToolboxItSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the audit holes of issue 9 over MCP and REST: a tool call whose session or name
 * did not fit the audit log ran without an audit record. // ISSUE-9 (hole 5)
 */
class AuditSecurityIT extends AuditItSupport {

	@Test
	void oversizedInputsOfAToolCallAreRefusedBeforeTheToolRuns() {
		TestTenant tenant = newTenant("bounds");
		CountingTool tool = registeredEcho(tenant);
		IssuedKey clientKey = tenant.key("client");
		McpSyncClient client = mcp(clientKey.secret());

		CallToolResult longSession = call(client, "tool_invoke",
				Map.of("name", "echo", "arguments", Map.of(), "session", "s".repeat(201)));
		CallToolResult longName = call(client, "tool_invoke", Map.of("name", "t".repeat(501), "arguments", Map.of()));
		HttpResponse<String> restLongSession = rest(clientKey.secret()).post("/api/tools/echo/invoke",
				Map.of("arguments", Map.of(), "session", "s".repeat(201)));

		assertThat(longSession.isError()).isTrue();
		assertThat(text(longSession)).contains("session").contains("200");
		assertThat(longName.isError()).isTrue();
		assertThat(text(longName)).contains("tool name").contains("128").doesNotContain("t".repeat(129));
		assertThat(restLongSession.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(restLongSession).get("detail")).asString().contains("session");
		assertThat(tool.hits()).hasValue(0);
	}

	@Test
	void aToolCallAtTheBoundsIsAuditedBeforeItRuns() {
		TestTenant tenant = newTenant("atbounds");
		CountingTool tool = registeredEcho(tenant);
		IssuedKey clientKey = tenant.key("client");
		String session = "s".repeat(200);

		ok(call(mcp(clientKey.secret()), "tool_invoke",
				Map.of("name", "echo", "arguments", Map.of(), "session", session)));

		assertThat(tool.hits()).hasValue(1);
		List<Map<String, Object>> records = auditOf(tenant);
		assertThat(records).filteredOn((r) -> session.equals(r.get("session")))
			.extracting((r) -> r.get("action") + " " + r.get("outcome") + " " + r.get("actor"))
			.containsExactly("tool.invoke ok " + clientKey.id(), "tool.invoke.start started " + clientKey.id());
	}

	private CountingTool registeredEcho(TestTenant tenant) {
		CountingTool tool = countingTool();
		ok(call(mcp(tenant.key("builder").secret()), "tool_register", Map.of("tool", httpTool(tool, "echo", false))));
		return tool;
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> auditOf(TestTenant tenant) {
		HttpResponse<String> listed = rest(tenant.adminKey()).get("/api/audit?limit=200");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		return (List<Map<String, Object>>) RestClient.map(listed).get("items");
	}

}
