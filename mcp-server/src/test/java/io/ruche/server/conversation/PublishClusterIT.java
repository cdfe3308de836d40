package io.ruche.server.conversation;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A builder edits a draft on one instance and publishes it; the other instance, which has
 * answered with the live rule all along (and cached it), answers with the published one
 * within a second, and never with the draft before the publish. An agent created on one
 * instance is listed by the other, which keeps a copy of the list, within the same
 * second.
 */
class PublishClusterIT {

	static final String OLD_HOURS = "We are open Monday to Friday from 9am to 6pm.";

	static final String NEW_HOURS = "We are open every day from 8am to 8pm.";

	private static TwoInstances instances;

	@BeforeAll
	static void startTwoInstances() throws SQLException {
		instances = TwoInstances.start(Map.of());
	}

	@AfterAll
	static void stopInstances() throws SQLException {
		if (instances != null) {
			instances.close();
		}
	}

	@Test
	void aPublishOnOneInstanceIsWhatTheOtherAnswersWith() throws InterruptedException {
		McpSyncClient builder = ConversationSupport.client(instances.firstPort());
		McpSyncClient customer = ConversationSupport.client(instances.secondPort());
		agent(builder, "cluster-shop", Map.of("fallback_text", "Sorry?"));
		String hoursId = (String) ((Map<?, ?>) rule(builder, "cluster-shop", hours(null, OLD_HOURS)).get("rule"))
			.get("id");
		assertThat(reply(customer)).isEqualTo(OLD_HOURS);

		ok(call(builder, "rule_upsert",
				Map.of("agent", "cluster-shop", "draft", true, "rule", hours(hoursId, NEW_HOURS))));
		assertThat(reply(customer)).as("a draft edit is not live").isEqualTo(OLD_HOURS);
		assertThat(ok(call(customer, "converse",
				Map.of("agent", "cluster-shop", "version", "draft", "message", "When are you open during the week?")))
			.get("response")).as("the other instance tries the draft").isEqualTo(NEW_HOURS);

		ok(call(builder, "agent_publish", Map.of("agent", "cluster-shop")));
		String answer = withinASecond(() -> reply(customer), NEW_HOURS::equals);
		assertThat(answer).as("the other instance answers with the published rule within 1 s").isEqualTo(NEW_HOURS);
		builder.closeGracefully();
		customer.closeGracefully();
	}

	@Test
	void anAgentCreatedOnOneInstanceIsListedByTheOtherWithinASecond() throws InterruptedException {
		McpSyncClient builder = ConversationSupport.client(instances.firstPort());
		McpSyncClient viewer = ConversationSupport.client(instances.secondPort());
		// the second instance lists first, so it holds the tenant's list when the agent
		// appears
		assertThat(agentNames(viewer)).doesNotContain("cluster-desk");

		agent(builder, "cluster-desk", Map.of("fallback_text", "Sorry?"));
		List<String> listed = withinASecond(() -> agentNames(viewer), (names) -> names.contains("cluster-desk"));

		assertThat(listed).as("the other instance lists the new agent within 1 s").contains("cluster-desk");
		assertThat(agentNames(builder)).as("the instance that created it lists it at once").contains("cluster-desk");
		builder.closeGracefully();
		viewer.closeGracefully();
	}

	private static <T> T withinASecond(Supplier<T> read, Predicate<T> done) throws InterruptedException {
		long start = System.nanoTime();
		T value = read.get();
		while (!done.test(value) && System.nanoTime() - start < 1_000_000_000L) {
			Thread.sleep(50);
			value = read.get();
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> agentNames(McpSyncClient client) {
		return ((List<Map<String, Object>>) ok(call(client, "agents_list", Map.of())).get("agents")).stream()
			.map((agent) -> (String) agent.get("name"))
			.toList();
	}

	private static Map<String, Object> hours(String id, String text) {
		Map<String, Object> rule = new LinkedHashMap<>(
				Map.of("name", "opening-hours", "condition", "The customer asks about the shop's opening hours",
						"action", "Give the opening hours", "template", Map.of("text", text, "mode", "exclusive")));
		if (id != null) {
			rule.put("id", id);
		}
		return rule;
	}

	private static String reply(McpSyncClient client) {
		return (String) ok(call(client, "converse",
				Map.of("agent", "cluster-shop", "message", "When are you open during the week?")))
			.get("response");
	}

}
