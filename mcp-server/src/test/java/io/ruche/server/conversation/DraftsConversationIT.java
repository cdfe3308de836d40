package io.ruche.server.conversation;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A builder changes the opening hours in a draft: live conversations keep the old hours,
 * a try with {@code version: "draft"} gives the new ones, the replay of a recorded
 * conversation names exactly the turn that changes, the golden conversation refuses the
 * publish until the builder unpins it, the publish makes the hours live, a rollback
 * brings the old ones back, and stale or concurrent publishes fail cleanly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftsConversationIT {

	static final String AGENT = "bikes-drafts";

	static final String OLD_HOURS = "We are open Monday to Friday from 9am to 6pm.";

	static final String NEW_HOURS = "We are open every day from 8am to 8pm.";

	static final String RETURNS = "Bring the bike back within 30 days with its receipt.";

	static final String HOURS_QUESTION = "When are you open during the week?";

	static final String RETURNS_QUESTION = "How do I return a bike I bought here?";

	static final String DOCUMENT = """
			format: ruche/v1
			agent:
			  name: %s
			  description: A bike shop
			  persona: You help the customers of a small bike shop.
			rules:
			  - name: opening-hours
			    condition: The customer asks about the shop's opening hours
			    action: Give the opening hours
			    template:
			      text: "%s"
			      mode: exclusive
			  - name: returns
			    condition: The customer wants to return a bike they bought
			    action: Explain how returns work
			    template:
			      text: "%s"
			      mode: exclusive
			""".formatted(AGENT, OLD_HOURS, RETURNS);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ConversationSupport.platform(registry);
	}

	@Test
	void aDraftIsTriedReplayedGatedPublishedAndRolledBack() throws Exception {
		McpSyncClient client = ConversationSupport.client(this.port);
		ok(call(client, "agent_import", Map.of("document", DOCUMENT)));
		Map<String, Object> first = converse(client, HOURS_QUESTION, null, null);
		String golden = (String) first.get("session");
		assertThat(first.get("response")).isEqualTo(OLD_HOURS);
		assertThat(converse(client, RETURNS_QUESTION, golden, null).get("response")).isEqualTo(RETURNS);

		// Drafts become the agent's default (version 2); the builder pins that
		// conversation
		// in the draft.
		ok(call(client, "agent_upsert", Map.of("name", AGENT, "settings", Map.of("drafts", true))));
		Map<String, Object> pinned = ok(call(client, "agent_upsert",
				Map.of("name", AGENT, "draft", true, "settings", Map.of("golden_sessions", golden, "drafts", true))));
		assertThat(map(pinned, "draft")).containsEntry("revision", 1).containsEntry("base_version", 2);
		String hoursId = (String) list(
				ok(call(client, "rules_search", Map.of("agent", AGENT, "query", "opening hours"))), "rules")
			.get(0)
			.get("id");
		Map<String, Object> edited = ok(call(client, "rule_upsert", Map.of("agent", AGENT, "rule", hours(hoursId))));
		assertThat(map(edited, "draft")).containsEntry("revision", 2);
		assertThat(map(edited, "rule")).containsEntry("id", hoursId);

		// Invisible to live turns; visible to a try on the draft.
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(OLD_HOURS);
		assertThat(converse(client, HOURS_QUESTION, null, "draft").get("response")).isEqualTo(NEW_HOURS);
		assertThat(versions(client)).hasSize(2);

		// The replay names the hours turn only.
		Map<String, Object> replay = ok(
				call(client, "agent_replay", Map.of("agent", AGENT, "version", "draft", "sessions", List.of(golden))));
		assertThat(replay).containsEntry("turns", 2).containsEntry("changed", 1);
		List<Map<String, Object>> turns = list(list(replay, "sessions").get(0), "turns");
		assertThat(turns.get(0).get("changed")).isEqualTo(List.of("reply"));
		assertThat(map(turns.get(0), "before")).containsEntry("reply", OLD_HOURS).containsEntry("mode", "template");
		assertThat(map(turns.get(0), "after")).containsEntry("reply", NEW_HOURS)
			.containsEntry("rules", List.of("opening-hours"));
		assertThat(turns.get(1).get("changed")).isEqualTo(List.of());
		assertThat(map(turns.get(1), "after")).containsEntry("reply", RETURNS);
		HttpResponse<String> restReplay = rest().post("/api/agents/" + AGENT + "/replay",
				Map.of("version", "draft", "sessions", List.of(golden)));
		assertThat(restReplay.statusCode()).isEqualTo(200);
		assertThat(restReplay.body()).contains("\"changed\":1", NEW_HOURS);

		// The golden conversation would change: the publish is refused, over MCP and
		// REST.
		CallToolResult refused = call(client, "agent_publish", Map.of("agent", AGENT));
		assertThat(refused.isError()).isTrue();
		assertThat(text(refused)).contains("golden");
		HttpResponse<String> restRefused = rest().post("/api/agents/" + AGENT + "/draft/publish", Map.of());
		assertThat(restRefused.statusCode()).isEqualTo(422);
		assertThat(restRefused.body()).contains("\"replay\"", NEW_HOURS);
		assertThat(versions(client)).hasSize(2);
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(OLD_HOURS);

		// The builder accepts the change by unpinning, then publishes the revision
		// reviewed.
		Map<String, Object> unpinned = ok(
				call(client, "agent_upsert", Map.of("name", AGENT, "draft", true, "settings", Map.of("drafts", true))));
		assertThat(map(unpinned, "draft")).containsEntry("revision", 3);
		CallToolResult stale = call(client, "agent_publish", Map.of("agent", AGENT, "revision", 2));
		assertThat(stale.isError()).isTrue();
		assertThat(text(stale)).contains("Conflict", "revision 3");
		Map<String, Object> published = map(ok(call(client, "agent_publish", Map.of("agent", AGENT, "revision", 3))),
				"version");
		assertThat(published).containsEntry("version", 3).containsEntry("summary", "agent.publish " + AGENT);
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(NEW_HOURS);
		assertThat(ok(call(client, "agent_draft", Map.of("agent", AGENT)))).containsEntry("draft", null);

		// A rollback publishes the old hours again.
		assertThat(map(ok(call(client, "agent_rollback", Map.of("agent", AGENT, "version", 2))), "version"))
			.containsEntry("version", 4);
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(OLD_HOURS);

		// A live change after the draft began makes its publish a conflict.
		ok(call(client, "rule_upsert", Map.of("agent", AGENT, "rule", hours(hoursId))));
		ok(call(client, "agent_upsert", Map.of("name", AGENT, "description", "A bike shop by the river")));
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(OLD_HOURS);
		CallToolResult behind = call(client, "agent_publish", Map.of("agent", AGENT));
		assertThat(behind.isError()).isTrue();
		assertThat(text(behind)).contains("Conflict", "was published after the draft began");
		assertThat(ok(call(client, "agent_draft_discard", Map.of("agent", AGENT)))).containsEntry("discarded", true);

		// Two publishes of one draft at once: one wins, the other fails cleanly.
		ok(call(client, "rule_upsert", Map.of("agent", AGENT, "rule", hours(hoursId))));
		int before = versions(client).size();
		List<CallToolResult> results = publishTogether();
		assertThat(results).filteredOn((r) -> !Boolean.TRUE.equals(r.isError())).hasSize(1);
		assertThat(results).filteredOn((r) -> Boolean.TRUE.equals(r.isError()))
			.singleElement()
			.satisfies((r) -> assertThat(text(r)).containsAnyOf("Conflict", "Unknown draft"));
		assertThat(versions(client)).hasSize(before + 1);
		assertThat(converse(client, HOURS_QUESTION, null, null).get("response")).isEqualTo(NEW_HOURS);
		client.closeGracefully();

		// The same over REST: edit the draft, read it with its diff, try it, drop it.
		String base = "/api/agents/" + AGENT;
		HttpResponse<String> put = rest().put(base + "/draft/rules",
				Map.of("id", hoursId, "name", "opening-hours", "condition",
						"The customer asks about the shop's opening hours", "action", "Give the opening hours",
						"template", Map.of("text", OLD_HOURS, "mode", "exclusive")),
				null);
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).contains("\"revision\":1", OLD_HOURS);
		HttpResponse<String> draft = rest().get(base + "/draft");
		assertThat(draft.body()).contains("\"revision\":1", "\"name\":\"opening-hours\"", "template.text");
		HttpResponse<String> tried = rest().post("/api/converse",
				Map.of("agent", AGENT, "message", HOURS_QUESTION, "version", "draft"));
		assertThat(tried.body()).contains(OLD_HOURS);
		assertThat(rest().delete(base + "/draft").statusCode()).isEqualTo(204);
		assertThat(rest().get(base + "/draft").body()).isEqualTo("{}");
	}

	private static Map<String, Object> hours(String id) {
		return Map.of("id", id, "name", "opening-hours", "condition",
				"The customer asks about the shop's opening hours", "action", "Give the opening hours", "template",
				Map.of("text", NEW_HOURS, "mode", "exclusive"));
	}

	private static Map<String, Object> converse(McpSyncClient client, String message, String session, String version) {
		Map<String, Object> args = new HashMap<>(Map.of("agent", AGENT, "message", message));
		if (session != null) {
			args.put("session", session);
		}
		if (version != null) {
			args.put("version", version);
		}
		return ok(call(client, "converse", args));
	}

	private static List<Map<String, Object>> versions(McpSyncClient client) {
		return list(ok(call(client, "agent_versions", Map.of("agent", AGENT))), "versions");
	}

	private List<CallToolResult> publishTogether() throws Exception {
		McpSyncClient one = ConversationSupport.client(this.port);
		McpSyncClient two = ConversationSupport.client(this.port);
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<CallToolResult>> calls = new ArrayList<>();
		// One thread per publisher: both wait at the barrier, then call at once.
		ExecutorService threads = Executors.newFixedThreadPool(2);
		for (McpSyncClient publisher : List.of(one, two)) {
			calls.add(threads.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				return call(publisher, "agent_publish", Map.of("agent", AGENT));
			}));
		}
		List<CallToolResult> results = new ArrayList<>();
		for (Future<CallToolResult> call : calls) {
			results.add(call.get(90, TimeUnit.SECONDS));
		}
		threads.shutdown();
		one.closeGracefully();
		two.closeGracefully();
		return results;
	}

	private RestClient rest() {
		return new RestClient(this.port, ConversationSupport.KEY);
	}

}
