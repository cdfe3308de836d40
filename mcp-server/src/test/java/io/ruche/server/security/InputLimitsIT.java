package io.ruche.server.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 hole 10: a 30 MiB rule action was stored over REST (and its agent exported as
 * 36.7 MB). REST bodies are bounded like MCP's, and every text and list of a
 * configuration is bounded by the domain's validation, so MCP, REST and import agree.
 */
class InputLimitsIT extends HostileInputSupport {

	private static final String TOO_LONG_ACTION = "Answer politely. ".repeat(236);

	@Test
	void refusesARestBodyAboveTheLimitWith413() {
		rest().post("/api/agents", Map.of("name", "big-bodies"));
		String huge = RestClient.JSON.writeValueAsString(
				Map.of("name", "huge", "condition", "The customer asks", "action", "x".repeat(2 * 1024 * 1024)));

		HttpResponse<String> declared = rest().post("/api/agents/big-bodies/rules", RestClient.JSON.readTree(huge));
		HttpResponse<String> chunked = rest().send(rest().builder("/api/agents/big-bodies/rules")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(clean(declared.body())).contains("larger than the limit of 1048576 bytes");
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(rest().get("/api/agents/big-bodies/rules").body()).doesNotContain("huge");
	}

	@Test
	void refusesAnOversizedFieldAlikeOverMcpRestAndImport() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "limits"));
		Map<String, Object> rule = Map.of("name", "long", "condition", "The customer asks", "action", TOO_LONG_ACTION);
		String expected = "rule 'long': action is 4012 characters long; at most 4000 are allowed";

		String overMcp = refusal(client, "rule_upsert", Map.of("agent", "limits", "rule", rule));
		HttpResponse<String> overRest = rest().post("/api/agents/limits/rules", rule);
		String overImport = refusal(client, "agent_import", Map.of("document",
				"agent: {name: limits}\nrules:\n  - name: long\n    condition: The customer asks\n    action: \""
						+ TOO_LONG_ACTION + "\"\n"));

		assertThat(overMcp).contains(expected);
		assertThat(overRest.statusCode()).isEqualTo(400);
		assertThat(clean(overRest.body())).contains(expected);
		assertThat(overImport).contains(expected);
	}

	@Test
	void refusesAnOversizedPersonaAndTooManyItems() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "limits-lists"));

		String persona = refusal(client, "agent_upsert", Map.of("name", "chatty", "persona", "p".repeat(16_001)));
		String constraints = refusal(client, "rule_upsert", Map.of("agent", "limits-lists", "rule", Map.of("name",
				"many", "condition", "c", "action", "a", "constraints", java.util.Collections.nCopies(101, "true"))));

		assertThat(persona).contains("agent 'chatty': persona is 16001 characters long; at most 16000 are allowed");
		assertThat(constraints).contains("rule 'many': constraints has 101 items; at most 100 are allowed");
	}

}
