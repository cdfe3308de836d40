package io.ruche.server.security;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ISSUE-9 hole 15: {@code agent_import} with {@code rules: [null]} (and nulls in other
 * lists) failed with an internal error (a NullPointerException) instead of saying what is
 * wrong.
 */
class NullItemsIT extends HostileInputSupport {

	@Test
	void refusesAnImportWithANullItemOverMcp() {
		McpSyncClient client = mcp("");

		String rules = refusal(client, "agent_import", Map.of("document", "agent: {name: nulls}\nrules: [null]\n"));
		String scenarios = refusal(client, "agent_import",
				Map.of("document", "agent: {name: nulls}\nscenarios:\n  - null\n"));
		String tools = refusal(client, "agent_import",
				Map.of("document", "agent: {name: nulls}\nrules: []\ntools: [weather, null]\n"));

		assertThat(rules)
			.isEqualTo("Invalid input: argument 'rules' has an empty item (null) at position 1; remove it");
		assertThat(scenarios).contains("argument 'scenarios' has an empty item (null) at position 1");
		assertThat(tools).contains("argument 'tools' has an empty item (null) at position 2");
	}

	@Test
	void refusesNullItemsInUpserts() {
		McpSyncClient client = mcp("");
		ok(client, "agent_upsert", Map.of("name", "nulls-upsert"));

		HttpResponse<String> constraints = rest().post("/api/agents/nulls-upsert/rules",
				Map.of("name", "r", "condition", "c", "action", "a", "constraints", Arrays.asList("true", null)));
		HttpResponse<String> collects = rest().post("/api/agents/nulls-upsert/scenarios",
				Map.of("name", "s", "entry_condition", "c", "steps",
						List.of(Map.of("id", "one", "collects", Arrays.asList((Object) null)))));
		String overMcp = refusal(client, "scenario_upsert",
				Map.of("agent", "nulls-upsert", "scenario", Map.of("name", "s", "entry_condition", "c", "steps",
						List.of(Map.of("id", "one", "transitions", Arrays.asList((Object) null))))));

		assertThat(constraints.statusCode()).isEqualTo(400);
		assertThat(clean(constraints.body())).contains("argument 'constraints' has an empty item (null) at position 2");
		assertThat(collects.statusCode()).isEqualTo(400);
		assertThat(clean(collects.body())).contains("argument 'collects' has an empty item (null) at position 1");
		assertThat(overMcp).contains("transitions").contains("null");
	}

	@Test
	void refusesAnImportWithANullItemOverRest() {
		HttpResponse<String> yaml = rest().postText("/api/agents/import", "application/yaml",
				"agent: {name: nulls-rest}\nrules: [null]\n");
		HttpResponse<String> json = rest().post("/api/agents/import",
				Map.of("document", "agent: {name: nulls-rest}\nscenarios: [null]\n"));

		assertThat(yaml.statusCode()).isEqualTo(400);
		assertThat(clean(yaml.body())).contains("argument 'rules' has an empty item (null) at position 1");
		assertThat(json.statusCode()).isEqualTo(400);
		assertThat(clean(json.body())).contains("argument 'scenarios' has an empty item (null) at position 1");
	}

}
