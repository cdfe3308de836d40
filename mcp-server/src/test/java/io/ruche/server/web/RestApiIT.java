package io.ruche.server.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ruche.brain.configuration.AgentConfiguration;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the admin REST API over real HTTP: authentication, roles, problem details,
 * ETag/If-Match, pagination, the same validation as the MCP tools, inspection of sessions
 * and traces, OpenAPI, security headers and closed CORS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiIT {

	static final String ADMIN_KEY = "rest-it-admin-key";

	@LocalServerPort
	int port;

	@Autowired
	AgentConfiguration configuration;

	RestClient api;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("ruche-rest-it");
		registry.add("platform.data-dir", dataDir::toString);
		registry.add("platform.stores.embedded.data-dir", dataDir::toString);
		registry.add("platform.bootstrap-key", () -> ADMIN_KEY);
	}

	@BeforeEach
	void client() {
		this.api = new RestClient(this.port, ADMIN_KEY);
	}

	@Test
	void refusesMissingAndUnknownKeysWithProblemDetails() {
		HttpResponse<String> missing = this.api.as(null).get("/api/agents");
		HttpResponse<String> unknown = this.api.as("nope").get("/api/agents");

		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("application/problem+json"));
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(RestClient.map(unknown)).containsEntry("status", 401);
	}

	@Test
	void sendsSecurityHeadersAndKeepsCorsClosed() {
		HttpResponse<String> api = this.api.get("/api/me");
		HttpResponse<String> console = this.api.as(null).get("/console/index.html");
		HttpResponse<String> preflight = this.api.as(null)
			.send(this.api.as(null)
				.builder("/api/agents")
				.header("Origin", "https://evil.example.com")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization")
				.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(RestClient.map(api)).containsEntry("role", "admin").containsEntry("tenant", "default");
		for (HttpResponse<String> response : List.of(api, console)) {
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					(v) -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		}
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void editsAnAgentWithOptimisticConcurrency() {
		HttpResponse<String> created = this.api.post("/api/agents",
				Map.of("name", "concierge", "description", "Front desk", "persona", "You are polite."));
		String etag = created.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> duplicate = this.api.post("/api/agents", Map.of("name", "concierge"));
		HttpResponse<String> read = this.api.get("/api/agents/concierge");
		HttpResponse<String> updated = this.api.put("/api/agents/concierge",
				Map.of("description", "Front desk", "persona", "You are very polite."), etag);
		HttpResponse<String> stale = this.api.put("/api/agents/concierge", Map.of("persona", "Stale edit"), etag);
		HttpResponse<String> renamed = this.api.put("/api/agents/concierge", Map.of("name", "other"), null);
		HttpResponse<String> unknown = this.api.get("/api/agents/ghost");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((v) -> assertThat(v).endsWith("/api/agents/concierge"));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(RestClient.map(duplicate).get("detail").toString()).contains("already exists");
		assertThat(read.headers().firstValue("ETag")).hasValue(etag);
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(updated.headers().firstValue("ETag")).isNotEqualTo(etag);
		assertThat(RestClient.map(updated)).containsEntry("persona", "You are very polite.");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(RestClient.map(stale).get("detail").toString()).contains("If-Match");
		assertThat(renamed.statusCode()).isEqualTo(400);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(RestClient.map(unknown).get("detail").toString()).contains("ghost");
	}

	@Test
	@SuppressWarnings("unchecked")
	void managesRulesWithTheSameValidationAsMcp() {
		this.api.post("/api/agents", Map.of("name", "shop"));
		HttpResponse<String> invalid = this.api.post("/api/agents/shop/rules", Map.of("name", "bad", "condition",
				"The customer asks", "action", "Answer", "constraints", List.of("size(response) <=")));
		HttpResponse<String> created = this.api.post("/api/agents/shop/rules",
				Map.of("name", "refund delay", "condition", "The customer asks about a refund", "action",
						"Quote the 5-day delay", "priority", 10, "constraints",
						List.of("!response.contains(\"guarantee\")")));
		this.api.post("/api/agents/shop/rules",
				Map.of("name", "greeting", "condition", "The customer says hello", "action", "Greet back"));
		String id = (String) RestClient.map(created).get("id");
		HttpResponse<String> byPriority = this.api.get("/api/agents/shop/rules");
		HttpResponse<String> ranked = this.api.get("/api/agents/shop/rules?q=money%20back%20for%20my%20order");
		HttpResponse<String> disabled = this.api.patch("/api/agents/shop/rules/" + id, Map.of("enabled", false));
		HttpResponse<String> history = this.api.get("/api/agents/shop/rules/" + id + "/history");
		HttpResponse<String> deleted = this.api.delete("/api/agents/shop/rules/" + id);
		HttpResponse<String> deletedAgain = this.api.delete("/api/agents/shop/rules/" + id);

		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(invalid).get("detail").toString()).contains("invalid constraint")
			.contains("size(response) <=");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
		List<Map<String, Object>> items = (List<Map<String, Object>>) RestClient.map(byPriority).get("items");
		assertThat(items).extracting((r) -> r.get("name")).containsExactly("refund delay", "greeting");
		List<Map<String, Object>> hits = (List<Map<String, Object>>) RestClient.map(ranked).get("items");
		assertThat(hits.get(0)).containsEntry("name", "refund delay").containsKey("score");
		assertThat(RestClient.map(disabled)).containsEntry("enabled", false).containsEntry("version", 2);
		assertThat((List<Object>) RestClient.map(history).get("items")).hasSize(2);
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(deletedAgain.statusCode()).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void managesScenariosAndChecksExpressions() {
		this.api.post("/api/agents", Map.of("name", "returns"));
		Map<String, Object> scenario = Map.of("name", "return", "entry_condition", "The customer wants to return",
				"steps",
				List.of(Map.of("id", "ask_order", "instructions", "Ask the order number", "collects",
						List.of(Map.of("name", "order_number", "pattern", "([A-Z]-\\d+)")), "transitions",
						List.of(Map.of("to", "done", "condition", "has(variables.order_number)"))),
						Map.of("id", "done", "terminal", true)));
		HttpResponse<String> created = this.api.post("/api/agents/returns/scenarios", scenario);
		HttpResponse<String> byName = this.api.get("/api/agents/returns/scenarios/return");
		HttpResponse<String> list = this.api.get("/api/agents/returns/scenarios");
		HttpResponse<String> badTransition = this.api.put("/api/agents/returns/scenarios/return",
				Map.of("name", "return", "entry_condition", "x", "steps",
						List.of(Map.of("id", "a", "transitions", List.of(Map.of("to", "nowhere"))))),
				null);
		HttpResponse<String> valid = this.api.post("/api/expressions/check",
				Map.of("expression", "size(response) <= 600"));
		HttpResponse<String> invalid = this.api.post("/api/expressions/check",
				Map.of("expression", "response.size(", "kind", "constraint"));
		HttpResponse<String> noResponseInTransitions = this.api.post("/api/expressions/check",
				Map.of("expression", "size(response) > 1", "kind", "transition"));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(RestClient.map(byName)).containsEntry("entry_step", "ask_order");
		assertThat((List<Object>) RestClient.map(list).get("items")).hasSize(1);
		assertThat(badTransition.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(valid)).containsEntry("valid", true);
		assertThat(RestClient.map(invalid)).containsEntry("valid", false).containsKey("message");
		assertThat(RestClient.map(noResponseInTransitions)).containsEntry("valid", false);
	}

	@Test
	void exportsAndImportsAgentsAsYaml() {
		this.api.post("/api/agents", Map.of("name", "exported", "persona", "Be brief."));
		this.api.post("/api/agents/exported/rules",
				Map.of("name", "short", "condition", "Always", "action", "Answer briefly"));
		HttpResponse<String> export = this.api.get("/api/agents/exported/export");
		String copy = export.body().replace("name: \"exported\"", "name: \"imported\"");
		HttpResponse<String> imported = this.api.postText("/api/agents/import", "application/yaml", copy);
		HttpResponse<String> broken = this.api.postText("/api/agents/import", "application/yaml", "agent: [unclosed");
		HttpResponse<String> viaJson = this.api.post("/api/agents/import", Map.of("document", copy));

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("application/yaml"));
		assertThat(export.body()).contains("format: \"ruche/v1\"").contains("short");
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(RestClient.map(imported)).containsEntry("name", "imported");
		assertThat(this.api.get("/api/agents/imported/export").body().replace("imported", "exported"))
			.isEqualTo(export.body());
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(broken).get("detail").toString()).contains("not valid YAML");
		assertThat(viaJson.statusCode()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void paginatesWithCursors() {
		for (int i = 0; i < 5; i++) {
			this.api.post("/api/agents", Map.of("name", "paged-" + i));
		}
		int seen = 0;
		String cursor = null;
		do {
			Map<String, Object> page = RestClient
				.map(this.api.get("/api/agents?limit=2" + ((cursor != null) ? "&cursor=" + cursor : "")));
			seen += ((List<Object>) page.get("items")).size();
			assertThat(((List<Object>) page.get("items")).size()).isLessThanOrEqualTo(2);
			cursor = (String) page.get("next_cursor");
		}
		while (cursor != null);
		HttpResponse<String> tooLarge = this.api.get("/api/agents?limit=100000");
		HttpResponse<String> badCursor = this.api.get("/api/agents?cursor=zzz");

		assertThat(seen).isEqualTo(this.configuration.listAgents(TenantId.of("default")).size());
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(badCursor.statusCode()).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsSessionsTurnsAndTraces() {
		this.api.post("/api/agents", Map.of("name", "inspected"));
		this.api.post("/api/agents/inspected/rules",
				Map.of("name", "refund delay", "condition", "The customer asks about a refund", "action",
						"Quote the 5-day delay", "template",
						Map.of("text", "Refunds take 5 days.", "mode", "exclusive")));
		Map<String, Object> reply = RestClient.map(this.api.post("/api/converse",
				Map.of("agent", "inspected", "message", "Can I get a refund?", "interlocutor", "customer-42")));
		String session = (String) reply.get("session");
		String trace = (String) reply.get("trace");

		Map<String, Object> list = RestClient.map(this.api.get("/api/sessions?agent=inspected"));
		Map<String, Object> read = RestClient.map(this.api.get("/api/sessions/" + session));
		Map<String, Object> phases = RestClient.map(this.api.get("/api/traces/" + trace));
		HttpResponse<String> missing = this.api.get("/api/traces/trc_missing");

		assertThat((List<Map<String, Object>>) list.get("items")).singleElement()
			.satisfies((s) -> assertThat(s).containsEntry("id", session));
		assertThat((Map<String, Object>) read.get("agent")).containsEntry("name", "inspected");
		assertThat(read).containsEntry("interlocutor", "customer-42");
		assertThat((List<Map<String, Object>>) read.get("turns")).singleElement()
			.satisfies((t) -> assertThat(t).containsEntry("trace", trace)
				.containsEntry("response", "Refunds take 5 days."));
		assertThat((List<Map<String, Object>>) phases.get("phases")).extracting((p) -> p.get("name"))
			.contains("retrieval", "enforcement");
		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@Test
	void enforcesRolesAndTenantIsolation() {
		this.api.post("/api/agents", Map.of("name", "isolated"));
		String viewerKey = (String) RestClient.map(this.api.post("/api/keys", Map.of("role", "viewer"))).get("key");
		Map<String, Object> tenant = RestClient.map(this.api.post("/api/tenants", Map.of("name", "acme")));
		RestClient viewer = this.api.as(viewerKey);
		RestClient acme = this.api.as((String) tenant.get("admin_key"));

		HttpResponse<String> viewerReads = viewer.get("/api/agents/isolated");
		HttpResponse<String> viewerWrites = viewer.post("/api/agents/isolated/rules",
				Map.of("name", "n", "condition", "c", "action", "a"));
		HttpResponse<String> viewerKeys = viewer.get("/api/keys");
		HttpResponse<String> foreign = acme.get("/api/agents/isolated");
		HttpResponse<String> acmeTenants = acme.post("/api/tenants", Map.of("name", "evil"));
		HttpResponse<String> tenants = this.api.get("/api/tenants");

		assertThat(viewerReads.statusCode()).isEqualTo(200);
		assertThat(viewerWrites.statusCode()).isEqualTo(403);
		assertThat(RestClient.map(viewerWrites).get("detail").toString()).contains("'builder' role");
		assertThat(viewerKeys.statusCode()).isEqualTo(403);
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(acmeTenants.statusCode()).isEqualTo(403);
		assertThat(tenants.body()).contains("acme").contains("default");
	}

	@Test
	void describesItselfWithOpenApi() {
		HttpResponse<String> docs = this.api.as(null).get("/v3/api-docs");
		HttpResponse<String> ui = this.api.as(null).get("/swagger-ui/index.html");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/agents/{agent}/rules/{id}")
			.contains("/api/traces/{id}")
			.contains("/api/tenants")
			.contains("bearer")
			.doesNotContain("/mcp\"");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((v) -> assertThat(v).contains("'unsafe-inline'"));
	}

}
