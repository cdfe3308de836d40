package io.ruche.server.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.ruche.server.conversation.ConversationSupport.agent;
import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one PostgreSQL schema and one Redis share a tenant's budget of
 * turns: turns sent to either count against the same limit.
 */
class BudgetsClusterIT {

	private static TwoInstances instances;

	@BeforeAll
	static void startTwoInstances() throws SQLException {
		instances = TwoInstances.start(Map.of("platform.budgets.tenant.turns-per-minute", "3"));
	}

	@AfterAll
	static void stopInstances() throws SQLException {
		if (instances != null) {
			instances.close();
		}
	}

	@Test
	void turnsSentToEitherInstanceCountAgainstOneBudget() {
		McpSyncClient onFirst = ConversationSupport.client(instances.firstPort());
		McpSyncClient onSecond = ConversationSupport.client(instances.secondPort());
		agent(onFirst, "cluster-desk", Map.of("fallback_text", "A colleague will call you back."));

		Map<String, Object> opened = ok(call(onFirst, "converse", Map.of("agent", "cluster-desk", "message", "Hello")));
		String session = (String) opened.get("session");
		ok(call(onSecond, "converse", Map.of("session", session, "message", "Are you there?")));
		ok(call(onFirst, "converse", Map.of("session", session, "message", "Still there?")));
		CallToolResult fourth = call(onSecond, "converse", Map.of("session", session, "message", "Hello again"));

		assertThat(fourth.isError()).isTrue();
		assertThat(text(fourth)).startsWith("The tenant budget turns_per_minute (3 turns per minute) is spent");
		Map<String, Object> stored = ok(call(onSecond, "session_get", Map.of("session", session)));
		assertThat((List<?>) stored.get("turns")).hasSize(3);
		onFirst.closeGracefully();
		onSecond.closeGracefully();
	}

}
