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

	@Test
	@SuppressWarnings("unchecked")
	void everyChangeOverMcpIsAuditedWithTheKeyAndItsRole() {
		TestTenant tenant = newTenant("mcpchanges");
		IssuedKey builderKey = tenant.key("builder");
		McpSyncClient builder = mcp(builderKey.secret());
		CountingTool tool = countingTool();

		ok(call(builder, "agent_upsert", Map.of("name", "shop", "description", "A shop")));
		Map<String, Object> rule = (Map<String, Object>) ok(
				call(builder, "rule_upsert",
						Map.of("agent", "shop", "rule", Map.of("name", "refunds", "condition",
								"The customer asks about a refund", "action", "Explain the refund policy"))))
			.get("rule");
		ok(call(builder, "rule_delete", Map.of("agent", "shop", "id", rule.get("id"))));
		ok(call(builder, "scenario_upsert", Map.of("agent", "shop", "scenario", returnsScenario())));
		ok(call(builder, "scenario_delete", Map.of("agent", "shop", "id", "returns")));
		ok(call(builder, "tool_register", Map.of("tool", httpTool(tool, "echo", false))));
		ok(call(builder, "tool_enable", Map.of("agent", "shop", "name", "echo")));
		String document = (String) ok(call(builder, "agent_export", Map.of("agent", "shop"))).get("document");
		ok(call(builder, "agent_import", Map.of("document", document)));
		ok(call(builder, "tool_remove", Map.of("name", "echo")));

		List<Map<String, Object>> byBuilder = auditOf(tenant).stream()
			.filter((r) -> builderKey.id().equals(r.get("actor")))
			.toList();
		assertThat(byBuilder).extracting((r) -> r.get("action"))
			.contains("agent.upsert", "rule.upsert", "rule.delete", "scenario.upsert", "scenario.delete",
					"tool.register", "tool.enable", "agent.import", "tool.remove");
		assertThat(byBuilder)
			.allSatisfy((r) -> assertThat((Map<String, Object>) r.get("details")).containsEntry("role", "builder")
				.doesNotContainValue(tool.url()));
		assertThat(byBuilder).filteredOn((r) -> "rule.delete".equals(r.get("action")))
			.singleElement()
			.satisfies((r) -> assertThat(r.get("subject")).isEqualTo(rule.get("id")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyChangeOverRestIsAuditedWithTheKeyAndItsRole() {
		String operatorKeyId = keyIdOf(OPERATOR_KEY);
		TestTenant tenant = newTenant("restchanges");
		String adminKeyId = keyIdOf(tenant.adminKey());
		IssuedKey builderKey = tenant.key("builder");
		IssuedKey doomed = tenant.key("viewer");
		assertThat(rest(tenant.adminKey()).delete("/api/keys/" + doomed.id()).statusCode()).isEqualTo(204);
		RestClient builder = rest(builderKey.secret());
		CountingTool tool = countingTool();

		assertThat(builder.post("/api/agents", Map.of("name", "shop")).statusCode()).isEqualTo(201);
		HttpResponse<String> created = builder.post("/api/agents/shop/rules", Map.of("name", "refunds", "condition",
				"The customer asks about a refund", "action", "Explain the refund policy"));
		String ruleId = (String) RestClient.map(created).get("id");
		assertThat(builder.patch("/api/agents/shop/rules/" + ruleId, Map.of("enabled", false)).statusCode())
			.isEqualTo(200);
		assertThat(builder.delete("/api/agents/shop/rules/" + ruleId).statusCode()).isEqualTo(204);
		assertThat(builder.post("/api/agents/shop/scenarios", returnsScenario()).statusCode()).isEqualTo(201);
		assertThat(builder.delete("/api/agents/shop/scenarios/returns").statusCode()).isEqualTo(204);
		assertThat(builder.post("/api/tools", httpTool(tool, "echo", false)).statusCode()).isEqualTo(201);
		assertThat(builder.put("/api/agents/shop/tools/echo", Map.of("enabled", true), null).statusCode())
			.isEqualTo(200);
		String document = builder.get("/api/agents/shop/export").body();
		assertThat(builder.post("/api/agents/import", Map.of("document", document)).statusCode()).isBetween(200, 201);
		assertThat(builder.delete("/api/tools/echo").statusCode()).isEqualTo(204);

		List<Map<String, Object>> records = auditOf(tenant);
		assertThat(records)
			.extracting((r) -> r.get("action") + " " + r.get("subject") + " by " + r.get("actor") + " ("
					+ ((Map<String, Object>) r.get("details")).get("role") + ")")
			.contains("tenant.create " + tenant.id() + " by " + operatorKeyId + " (admin)",
					"key.create " + adminKeyId + " by " + operatorKeyId + " (admin)",
					"key.create " + builderKey.id() + " by " + adminKeyId + " (admin)",
					"key.revoke " + doomed.id() + " by " + adminKeyId + " (admin)",
					"agent.upsert " + agentIdOf(tenant) + " by " + builderKey.id() + " (builder)",
					"rule.delete " + ruleId + " by " + builderKey.id() + " (builder)",
					"tool.register echo by " + builderKey.id() + " (builder)",
					"tool.enable echo by " + builderKey.id() + " (builder)",
					"agent.import " + agentIdOf(tenant) + " by " + builderKey.id() + " (builder)",
					"tool.remove echo by " + builderKey.id() + " (builder)");
		assertThat(records).filteredOn((r) -> "rule.upsert".equals(r.get("action"))).hasSize(2);
		assertThat(auditOf(new TestTenant(this, "default", OPERATOR_KEY)))
			.anySatisfy((r) -> assertThat(r).containsEntry("action", "tenant.create")
				.containsEntry("subject", tenant.id())
				.containsEntry("actor", operatorKeyId));
	}

	@Test
	void aTurnRecordsTheCallingKey() {
		TestTenant tenant = newTenant("turns");
		McpSyncClient builder = mcp(tenant.key("builder").secret());
		ok(call(builder, "agent_upsert", Map.of("name", "shop")));
		ok(call(builder, "rule_upsert",
				Map.of("agent", "shop", "rule",
						Map.of("name", "hours", "condition", "The customer asks about the shop's opening hours",
								"action", "Give the opening hours", "template",
								Map.of("text", "We are open 9 to 5.", "mode", "exclusive")))));
		IssuedKey clientKey = tenant.key("client");
		McpSyncClient client = mcp(clientKey.secret());

		String session = (String) ok(
				call(client, "guidance", Map.of("agent", "shop", "message", "Hello, can I ask something?")))
			.get("session");
		ok(call(client, "enforce", Map.of("session", session, "draft", "Of course.", "commit", true)));
		HttpResponse<String> conversed = rest(clientKey.secret()).post("/api/converse",
				Map.of("agent", "shop", "message", "What time do you open during the week?"));

		assertThat(conversed.statusCode()).as(conversed.body()).isEqualTo(200);
		assertThat(auditOf(tenant)).filteredOn((r) -> String.valueOf(r.get("action")).startsWith("turn."))
			.extracting((r) -> r.get("action") + " by " + r.get("actor") + " ("
					+ ((Map<?, ?>) r.get("details")).get("role") + ")")
			.containsExactlyInAnyOrder("turn.guidance by " + clientKey.id() + " (client)",
					"turn.commit by " + clientKey.id() + " (client)",
					"turn.converse by " + clientKey.id() + " (client)");
	}

	private static Map<String, Object> returnsScenario() {
		return Map.of("name", "returns", "description", "Returning an item", "entry_condition",
				"The customer wants to return an item", "steps", List.of(Map.of("id", "ask", "name", "Ask",
						"instructions", "Ask for the order number", "terminal", true)));
	}

	private String keyIdOf(String key) {
		return (String) RestClient.map(rest(key).get("/api/me")).get("key_id");
	}

	private String agentIdOf(TestTenant tenant) {
		return (String) RestClient.map(rest(tenant.adminKey()).get("/api/agents/shop")).get("id");
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
