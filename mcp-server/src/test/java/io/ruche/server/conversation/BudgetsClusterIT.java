package io.ruche.server.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.server.RucheApplication;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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

	private static final LocalServices services = LocalServices.fromEnvironment();

	private static final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() throws SQLException {
		execute("CREATE SCHEMA " + schema);
		String redisPrefix = "ruche-it-" + UUID.randomUUID() + ":";
		first = start(redisPrefix);
		second = start(redisPrefix);
	}

	@AfterAll
	static void stopInstances() throws SQLException {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		execute("DROP SCHEMA " + schema + " CASCADE");
	}

	private static ConfigurableApplicationContext start(String redisPrefix) {
		String dataDir;
		try {
			dataDir = Files.createTempDirectory("ruche-it-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = services.pgUrl() + (services.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
				+ ",public";
		// Command-line arguments: they take precedence over application.yaml, as a
		// deployed instance's settings do.
		Map<String, String> settings = Map.ofEntries(Map.entry("server.port", "0"),
				Map.entry("platform.stores.backend", "postgres"), Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", services.pgUser()),
				Map.entry("spring.datasource.password", services.pgPassword()),
				Map.entry("spring.data.redis.host", services.redisHost()),
				Map.entry("spring.data.redis.port", String.valueOf(services.redisPort())),
				Map.entry("platform.stores.redis.key-prefix", redisPrefix), Map.entry("platform.data-dir", dataDir),
				Map.entry("platform.bootstrap-key", ConversationSupport.KEY),
				Map.entry("platform.budgets.tenant.turns-per-minute", "3"));
		return new SpringApplicationBuilder(RucheApplication.class).run(
				settings.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(services.pgUrl(), services.pgUser(),
				services.pgPassword()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Test
	void turnsSentToEitherInstanceCountAgainstOneBudget() {
		McpSyncClient onFirst = ConversationSupport.client(port(first));
		McpSyncClient onSecond = ConversationSupport.client(port(second));
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
