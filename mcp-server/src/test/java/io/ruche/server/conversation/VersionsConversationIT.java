package io.ruche.server.conversation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.web.RestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.list;
import static io.ruche.server.conversation.ConversationSupport.map;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.rule;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A builder edits a rule, sees the new version and its diff, rolls back, and the next
 * turn answers with the old rule again: versions over MCP, the trail over REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VersionsConversationIT {

	static final String OLD_HOURS = "We are open Monday to Friday from 9am to 6pm.";

	static final String NEW_HOURS = "We are open every day from 8am to 8pm.";

	static final String DOCUMENT = """
			format: ruche/v1
			agent:
			  name: bikes-versions
			  description: A bike shop
			  persona: You help the customers of a small bike shop.
			rules:
			  - name: opening-hours
			    condition: The customer asks about the shop's opening hours
			    action: Give the opening hours
			    template:
			      text: "%s"
			      mode: exclusive
			""".formatted(OLD_HOURS);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
	}

	@Test
	void anEditIsAVersionItsDiffNamesTheFieldAndARollbackBringsTheOldReplyBack() throws Exception {
		McpSyncClient client = ConversationSupport.client(this.port);
		ok(call(client, "agent_import", Map.of("document", DOCUMENT)));
		Map<String, Object> hours = list(ok(call(client, "rules_search", Map.of("agent", "bikes-versions"))), "rules")
			.get(0);

		rule(client, "bikes-versions",
				Map.of("id", hours.get("id"), "name", "opening-hours", "condition",
						"The customer asks about the shop's opening hours", "action", "Give the opening hours",
						"template", Map.of("text", NEW_HOURS, "mode", "exclusive")));
		List<Map<String, Object>> versions = list(ok(call(client, "agent_versions", Map.of("agent", "bikes-versions"))),
				"versions");
		assertThat(versions).extracting((v) -> v.get("version"), (v) -> v.get("summary"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "rule.upsert opening-hours"),
					org.assertj.core.groups.Tuple.tuple(1, "agent.import bikes-versions"));
		assertThat(versions).allSatisfy((v) -> assertThat(v.get("author")).isEqualTo(versions.get(0).get("author")))
			.allSatisfy((v) -> assertThat((String) v.get("author")).startsWith("key_"));
		assertThat(reply(client)).isEqualTo(NEW_HOURS);

		Map<String, Object> diff = ok(
				call(client, "agent_diff", Map.of("agent", "bikes-versions", "from", 1, "to", 2)));
		assertThat(list(diff, "rules")).singleElement().satisfies((r) -> {
			assertThat(r.get("name")).isEqualTo("opening-hours");
			assertThat(r.get("change")).isEqualTo("changed");
			assertThat(list(r, "fields"))
				.containsExactly(Map.of("field", "template.text", "before", OLD_HOURS, "after", NEW_HOURS));
		});

		Map<String, Object> restored = map(
				ok(call(client, "agent_rollback", Map.of("agent", "bikes-versions", "version", 1))), "version");
		assertThat(restored.get("version")).isEqualTo(3);
		assertThat(restored.get("summary")).isEqualTo("agent.rollback bikes-versions to version 1");
		Map<String, Object> same = ok(
				call(client, "agent_diff", Map.of("agent", "bikes-versions", "from", 1, "to", 3)));
		assertThat(List.of(same.get("agent"), same.get("rules"), same.get("scenarios"), same.get("tools")))
			.allSatisfy((changes) -> assertThat((List<?>) changes).isEmpty());
		assertThat(reply(client)).isEqualTo(OLD_HOURS);

		CallToolResult unknown = call(client, "agent_rollback", Map.of("agent", "bikes-versions", "version", 9));
		assertThat(unknown.isError()).isTrue();
		assertThat(text(unknown)).contains("bikes-versions@9");
		client.closeGracefully();

		RestClient rest = new RestClient(this.port, ConversationSupport.KEY);
		HttpResponse<String> trail = rest.get("/api/agents/bikes-versions/versions");
		assertThat(trail.statusCode()).isEqualTo(200);
		assertThat(trail.body()).contains("\"version\":3", "agent.rollback bikes-versions to version 1");
		HttpResponse<String> stale = rollback(rest, "\"2\"");
		assertThat(stale.statusCode()).isEqualTo(412);
		HttpResponse<String> current = rollback(rest, "\"3\"");
		assertThat(current.statusCode()).isEqualTo(200);
		assertThat(current.body()).contains("\"version\":4");
	}

	private static String reply(McpSyncClient client) {
		return (String) ok(call(client, "converse",
				Map.of("agent", "bikes-versions", "message", "When are you open during the week?")))
			.get("response");
	}

	// a rollback to version 2, made only if the latest version is still the one given
	private static HttpResponse<String> rollback(RestClient rest, String ifMatch) {
		return rest.send(rest.builder("/api/agents/bikes-versions/versions/2/rollback")
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

}
