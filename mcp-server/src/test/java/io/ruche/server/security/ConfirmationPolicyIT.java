package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the confirmation finding of issue 9: over REST a client key sent
 * {@code "confirmed": true} and ran a tool that requires a person's confirmation,
 * skipping the person. That is now a tenant's explicit choice, off by default for client
 * keys. // ISSUE-9 (hole 16)
 */
class ConfirmationPolicyIT extends AuditItSupport {

	private static final Map<String, Object> CONFIRMED = Map.of("arguments", Map.of(), "confirmed", true);

	@Test
	void aClientKeyCannotConfirmForThePersonUnlessItsTenantAllowsIt() {
		TestTenant tenant = newTenant("confirm");
		CountingTool wire = countingTool();
		RestClient builder = rest(tenant.key("builder").secret());
		assertThat(builder.post("/api/tools", httpTool(wire, "wire_money", true)).statusCode()).isEqualTo(201);
		RestClient client = rest(tenant.key("client").secret());

		HttpResponse<String> refused = client.post("/api/tools/wire_money/invoke", CONFIRMED);
		HttpResponse<String> unconfirmed = client.post("/api/tools/wire_money/invoke", Map.of("arguments", Map.of()));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(RestClient.map(refused).get("detail")).asString()
			.contains("allow_client_preconfirm")
			.contains("MCP");
		assertThat(unconfirmed.statusCode()).isEqualTo(403);
		assertThat(wire.hits()).hasValue(0);
		assertThat(RestClient.map(client.get("/api/tenant/settings"))).containsEntry("allow_client_preconfirm", false);

		HttpResponse<String> byBuilder = builder.post("/api/tools/wire_money/invoke", CONFIRMED);

		assertThat(RestClient.map(byBuilder)).containsEntry("status", "ok");
		assertThat(wire.hits()).hasValue(1);
	}

	@Test
	void anAdminMayAllowClientKeysToConfirm() {
		TestTenant tenant = newTenant("preconfirm");
		CountingTool wire = countingTool();
		assertThat(rest(tenant.adminKey()).post("/api/tools", httpTool(wire, "wire_money", true)).statusCode())
			.isEqualTo(201);
		IssuedKey clientKey = tenant.key("client");
		RestClient client = rest(clientKey.secret());
		RestClient admin = rest(tenant.adminKey());

		HttpResponse<String> byClient = client.put("/api/tenant/settings", Map.of("allow_client_preconfirm", true),
				null);
		HttpResponse<String> unknown = admin.put("/api/tenant/settings", Map.of("allow_everything", true), null);
		HttpResponse<String> allowed = admin.put("/api/tenant/settings", Map.of("allow_client_preconfirm", true), null);
		HttpResponse<String> confirmed = client.post("/api/tools/wire_money/invoke", CONFIRMED);
		HttpResponse<String> unconfirmed = client.post("/api/tools/wire_money/invoke", Map.of("arguments", Map.of()));

		assertThat(byClient.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(RestClient.map(unknown).get("detail")).asString().contains("allow_everything");
		assertThat(RestClient.map(allowed)).containsEntry("allow_client_preconfirm", true);
		assertThat(RestClient.map(confirmed)).containsEntry("status", "ok");
		assertThat(unconfirmed.statusCode()).isEqualTo(409);
		assertThat(wire.hits()).hasValue(1);
		assertThat(rest(tenant.adminKey()).get("/api/audit").body()).contains("tenant.settings");
	}

}
