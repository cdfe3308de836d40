package io.ruche.server.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin gives a builder a labelled key; the builder creates an agent, adds and edits a
 * rule, enables a tool, rolls back and at last deletes the agent; the admin reads, over
 * REST, who changed what and when: each configuration change with the agent version it
 * published and what it changed, by field names, apart from the turns and key records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfigurationAuditIT {

	static final String ADMIN_KEY = "audit-it-admin-key";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-audit-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
		registry.add("platform.toolbox.allow-loopback", () -> "true");
	}

	@Test
	void anAdminReadsWhoChangedWhatAndWhen() {
		RestClient admin = new RestClient(this.port, ADMIN_KEY);
		HttpResponse<String> created = admin.post("/api/keys", Map.of("role", "builder", "label", "rules editor"));
		assertThat(created.statusCode()).isEqualTo(201);
		Map<String, Object> key = RestClient.map(created);
		assertThat(key).containsEntry("label", "rules editor");
		String builderId = (String) key.get("id");
		RestClient builder = admin.as((String) key.get("key"));

		assertThat(builder.post("/api/agents", Map.of("name", "audited", "persona", "You help.")).statusCode())
			.isEqualTo(201);
		HttpResponse<String> rule = builder.post("/api/agents/audited/rules",
				Map.of("name", "refund delay", "condition", "The customer asks about a refund", "action",
						"Quote the delay", "template", Map.of("text", "Refunds take 5 days.", "mode", "exclusive")));
		assertThat(rule.statusCode()).isEqualTo(201);
		String ruleId = (String) RestClient.map(rule).get("id");
		assertThat(builder.put("/api/agents/audited/rules/" + ruleId,
				Map.of("name", "refund delay", "condition", "The customer asks about a refund", "action",
						"Quote the delay", "priority", 10, "template",
						Map.of("text", "Refunds take 7 days.", "mode", "exclusive")),
				null)
			.statusCode()).isEqualTo(200);
		assertThat(builder
			.post("/api/tools", Map.of("name", "weather", "description", "Weather of a city", "kind", "http", "target",
					"http://127.0.0.1:9/weather", "side_effect", "pure", "input_schema", Map.of("type", "object")))
			.statusCode()).isEqualTo(201);
		assertThat(builder.put("/api/agents/audited/tools/weather", Map.of("enabled", true), null).statusCode())
			.isEqualTo(200);
		assertThat(builder.post("/api/agents/audited/versions/2/rollback", Map.of()).statusCode()).isEqualTo(200);
		assertThat(builder
			.post("/api/converse",
					Map.of("agent", "audited", "message", "I sent the shoes back last week: can I get my money back?"))
			.statusCode()).isEqualTo(200);

		List<Map<String, Object>> changes = items(admin.get("/api/audit?category=configuration&limit=50"));

		assertThat(changes).extracting((r) -> r.get("action"))
			.containsExactly("agent.rollback", "tool.disable", "agent.tools", "tool.enable", "tool.register",
					"rule.upsert", "rule.upsert", "agent.upsert");
		assertThat(changes).allSatisfy((r) -> assertThat(r).containsEntry("actor", builderId));
		assertThat(details(changes.get(0))).containsEntry("role", "builder")
			.containsEntry("agent_version", "5")
			.containsEntry("restored_version", "2")
			.hasEntrySatisfying("changes",
					(text) -> assertThat(text).contains("rule 'refund delay' changed: ")
						.contains("priority")
						.contains("template.text")
						.contains("tool weather disabled"));
		assertThat(details(changes.get(2))).containsEntry("agent_version", "4")
			.containsEntry("changes", "tool weather enabled");
		assertThat(details(changes.get(5))).containsEntry("agent_version", "3")
			.hasEntrySatisfying("changes",
					(text) -> assertThat(text).startsWith("rule 'refund delay' changed: ")
						.contains("priority")
						.contains("template.text")
						.doesNotContain("7 days"));
		assertThat(details(changes.get(6))).containsEntry("agent_version", "2")
			.containsEntry("changes", "rule 'refund delay' added");
		assertThat(details(changes.get(7))).containsEntry("agent_version", "1")
			.containsEntry("changes", "first version");
		assertThat(items(admin.get("/api/audit?limit=50"))).extracting((r) -> r.get("action"))
			.contains("turn.converse", "key.create");

		List<Map<String, Object>> versions = items(builder.get("/api/agents/audited/versions"));
		assertThat(versions.get(0)).containsEntry("version", 5)
			.containsEntry("author", builderId)
			.containsEntry("summary", "agent.rollback audited to version 2");

		assertThat(admin.patch("/api/keys/" + builderId, Map.of("label", "front desk")).statusCode()).isEqualTo(200);
		assertThat(items(admin.get("/api/keys"))).filteredOn((k) -> builderId.equals(k.get("id")))
			.singleElement()
			.satisfies((k) -> assertThat(k).containsEntry("label", "front desk"));
		List<Map<String, Object>> access = items(admin.get("/api/audit?category=access"));
		assertThat(access).extracting((r) -> r.get("action")).containsSubsequence("key.label", "key.create");
		assertThat(details(access.get(0))).containsEntry("label", "front desk");

		assertThat(builder.delete("/api/agents/audited").statusCode()).isEqualTo(204);
		assertThat(builder.get("/api/agents/audited").statusCode()).isEqualTo(404);
		assertThat(builder.get("/api/agents/audited/rules").statusCode()).isEqualTo(404);
		Map<String, Object> deleted = items(admin.get("/api/audit?category=configuration&limit=1")).get(0);
		assertThat(deleted).containsEntry("action", "agent.delete").containsEntry("actor", builderId);
		assertThat(details(deleted)).containsEntry("name", "audited").containsEntry("rules", "1");
		assertThat(builder.post("/api/agents", Map.of("name", "audited")).statusCode()).isEqualTo(201);
		assertThat(builder.delete("/api/agents/nobody").statusCode()).isEqualTo(404);

		HttpResponse<String> unknown = admin.get("/api/audit?category=everything");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(unknown).get("detail").toString()).contains("configuration");
		assertThat(builder.get("/api/audit?category=configuration").statusCode()).isEqualTo(403);
		assertThat(admin.patch("/api/keys/key_unknown", Map.of("label", "x")).statusCode()).isEqualTo(404);
		assertThat(admin.patch("/api/keys/" + builderId, Map.of("label", "x".repeat(101))).statusCode()).isEqualTo(400);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String body = response.body();
		if (body.startsWith("[")) {
			return RestClient.JSON.readValue(body, List.class);
		}
		return (List<Map<String, Object>>) RestClient.map(response).get("items");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> details(Map<String, Object> record) {
		return (Map<String, String>) record.get("details");
	}

}
