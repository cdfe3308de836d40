package io.ruche.server.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.ruche.server.RucheApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who types fast: three messages sent at once to one session, over real MCP
 * clients, under each accumulation of the agent ({@link BurstChecks}). A message sent
 * again with its message id after the server restarted makes no second turn. The server
 * is started here, not by the test framework, so that it can be restarted on the same
 * data directory.
 */
class BurstConversationIT {

	static final BurstChecks checks = new BurstChecks();

	static Path dataDir;

	static ConfigurableApplicationContext server;

	static int port;

	@BeforeAll
	static void start() throws IOException {
		dataDir = Files.createTempDirectory("ruche-burst-");
		server = startServer();
	}

	@AfterAll
	static void stop() {
		server.close();
		checks.close();
	}

	// The embedded store on disk, as a restarted server finds it.
	static ConfigurableApplicationContext startServer() {
		// Arguments, not default properties: they override application.yaml's ${PORT}.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RucheApplication.class).run(
				"--server.port=0", "--platform.data-dir=" + dataDir, "--platform.stores.embedded.data-dir=" + dataDir,
				"--platform.bootstrap-key=" + ConversationSupport.KEY);
		port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		return context;
	}

	@Test
	void queueGivesEachMessageATurnOfItsOwnInArrivalOrder() throws Exception {
		checks.queueGivesEachMessageATurnOfItsOwn(List.of(port), "burst-queue");
	}

	@Test
	void mergeAnswersTheMessagesOfOneWindowWithOneTurn() throws Exception {
		checks.mergeAnswersOneWindowWithOneTurn(List.of(port), "burst-merge");
	}

	@Test
	void supersedeLetsTheNewestTurnAnswerThemAll() throws Exception {
		checks.supersedeLetsTheNewestTurnAnswerThemAll(List.of(port), "burst-supersede");
	}

	@Test
	void aMessageSentAgainAfterARestartMakesNoSecondTurn() {
		McpSyncClient client = checks.client(port);
		String session = checks.session(client, "burst-restart", "merge");
		Map<String, Object> args = Map.of("session", session, "message", "is my bike ready?", "message_id", "r-1");
		Map<String, Object> first = ok(call(client, "converse", args));
		client.closeGracefully();
		int samplings = checks.samplings.get();

		server.close();
		server = startServer();
		McpSyncClient again = checks.client(port);
		Map<String, Object> retried = ok(call(again, "converse", args));

		assertThat(retried).isEqualTo(first).containsEntry("turn", 2);
		assertThat(checks.samplings).hasValue(samplings);
		assertThat(BurstChecks.storedMessages(again, session)).containsExactly("hello", "is my bike ready?");
		again.closeGracefully();
	}

}
