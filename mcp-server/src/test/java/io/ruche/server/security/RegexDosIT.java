package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 hole 4: user-supplied regular expressions made the backtracking JDK engine run
 * for minutes on short inputs, before any rate limit: a scenario field's pattern (104 s)
 * and a tool schema's {@code pattern} (over 80 s). They now run on a linear-time engine,
 * and patterns it cannot run are refused when written.
 */
class RegexDosIT extends HostileInputSupport {

	private static final Duration FAST = Duration.ofSeconds(1);

	private static final String HOSTILE_VALUE = "a".repeat(30) + "!";

	@Test
	void validatesAToolArgumentAgainstAHostilePatternInLinearTime() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "regex-agent"));
		ok(client, "tool_register", Map.of("tool", patternTool("^((a+)+)+$")));
		ok(client, "tool_enable", Map.of("agent", "regex-agent", "name", "pattern-echo"));
		McpSyncClient pinned = mcp("?agent=regex-agent");

		long start = System.nanoTime();
		String viaToolInvoke = refusal(client, "tool_invoke",
				Map.of("name", "pattern-echo", "arguments", Map.of("text", HOSTILE_VALUE)));
		Duration toolInvoke = since(start);
		start = System.nanoTime();
		HttpResponse<String> viaRest = rest().post("/api/tools/pattern-echo/invoke",
				Map.of("arguments", Map.of("text", HOSTILE_VALUE)));
		Duration restInvoke = since(start);
		start = System.nanoTime();
		CallToolResult viaPinnedTool = call(pinned, "pattern-echo", Map.of("text", HOSTILE_VALUE));
		Duration pinnedCall = since(start);

		assertThat(viaToolInvoke).contains("/text: does not match the regex pattern ^((a+)+)+$");
		assertThat(toolInvoke).isLessThan(FAST);
		assertThat(clean(viaRest.body())).contains("\"status\":\"rejected\"");
		assertThat(restInvoke).isLessThan(FAST);
		assertThat(viaPinnedTool.isError()).isTrue();
		assertThat(clean(text(viaPinnedTool))).contains("text");
		assertThat(pinnedCall).isLessThan(FAST);
	}

	@Test
	void fillsAFieldFromAHostileMessageInLinearTime() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "pizza"));
		ok(client, "scenario_upsert",
				Map.of("agent", "pizza", "scenario",
						Map.of("name", "order", "entry_condition", "The customer wants to order a pizza", "steps",
								List.of(Map.of("id", "take_order", "instructions", "Take the order", "collects",
										List.of(Map.of("name", "item", "pattern", "(.*a){12}$")))))));
		// the first turn also loads the embedding model
		ok(client, "guidance", Map.of("agent", "pizza", "message", "I want to order a pizza"));

		long start = System.nanoTime();
		Map<String, Object> turn = ok(client, "guidance",
				Map.of("agent", "pizza", "message", "I want to order a pizza " + "a".repeat(28) + "!"));
		Duration elapsed = since(start);

		assertThat(turn.get("scenario")).as("the hostile message enters the scenario").isNotNull();
		// a whole turn (embedding, retrieval, navigation) on a shared 2-core machine
		assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void refusesPatternsOnlyABacktrackingEngineRunsWhenWritten() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "lookahead"));

		String field = refusal(client, "scenario_upsert",
				Map.of("agent", "lookahead", "scenario",
						Map.of("name", "s", "entry_condition", "c", "steps", List.of(Map.of("id", "one", "collects",
								List.of(Map.of("name", "code", "pattern", "(?=[0-9])(\\d{6})")))))));
		String schema = refusal(client, "tool_register", Map.of("tool", patternTool("^(\\w+)\\1$")));

		assertThat(field).contains("step 'one': field 'code': pattern uses syntax a linear-time engine cannot run")
			.contains("lookaround");
		assertThat(schema).contains("pattern '^(\\w+)\\1$' at /properties/text/pattern uses syntax")
			.contains("backreferences");
	}

	private static Map<String, Object> patternTool(String pattern) {
		return Map.of("name", "pattern-echo", "description", "Echoes a text that must match a pattern", "kind", "http",
				"target", "http://127.0.0.1:9/echo", "side_effect", "pure", "input_schema",
				Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string", "pattern", pattern)),
						"required", List.of("text")));
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
