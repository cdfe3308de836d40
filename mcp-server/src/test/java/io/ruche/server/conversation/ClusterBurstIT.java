package io.ruche.server.conversation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.ruche.server.conversation.ConversationSupport.call;
import static io.ruche.server.conversation.ConversationSupport.ok;
import static io.ruche.server.conversation.ConversationSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fabric across instances: two server processes of the packaged jar
 * ({@code java -jar target/ruche.jar}, as scripts/cluster.sh runs them) on one PostgreSQL
 * database and one Redis. A message id sent again to the other instance returns the
 * stored turn, a burst split across both behaves as on one server, and a session closed
 * on one refuses turns on the other.
 */
class ClusterBurstIT {

	static final BurstChecks checks = new BurstChecks();

	static final List<Process> instances = new ArrayList<>();

	static final List<Integer> ports = new ArrayList<>();

	static final LocalServices services = LocalServices.fromEnvironment();

	static final String database = "ruche_burst_" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startTwoInstances() throws Exception {
		admin("CREATE DATABASE " + database);
		Path jar = Path.of("target/ruche.jar").toAbsolutePath();
		assertThat(jar).as("the packaged server (failsafe runs after package)").exists();
		Map<String, String> env = new HashMap<>();
		env.put("RUCHE_STORE", "postgres");
		env.put("RUCHE_BOOTSTRAP_KEY", ConversationSupport.KEY);
		env.put("RUCHE_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
		env.put("SPRING_DATASOURCE_URL", services.pgUrl().replaceAll("/[^/?]+(\\?|$)", "/" + database + "$1"));
		env.put("SPRING_DATASOURCE_USERNAME", services.pgUser());
		env.put("SPRING_DATASOURCE_PASSWORD", services.pgPassword());
		env.put("SPRING_DATA_REDIS_HOST", services.redisHost());
		env.put("SPRING_DATA_REDIS_PORT", String.valueOf(services.redisPort()));
		env.put("PLATFORM_STORES_REDIS_KEYPREFIX", database + ":");
		env.put("JDK_JAVA_OPTIONS", "-Xmx384m -XX:TieredStopAtLevel=1");
		// One after the other: the first migrates the schema and creates the bootstrap
		// tenant.
		for (int i = 0; i < 2; i++) {
			start(jar, env, i);
		}
		// A turn on each, as on instances that already serve: a burst's timing is not
		// that of a cold start.
		McpSyncClient warming = checks.client(ports.get(0));
		checks.session(warming, "cluster-warm-up", "queue");
		warming.closeGracefully();
		McpSyncClient other = checks.client(ports.get(1));
		ok(call(other, "converse", Map.of("agent", "cluster-warm-up", "message", "hello")));
		other.closeGracefully();
	}

	@AfterAll
	static void stopInstances() throws Exception {
		checks.close();
		for (Process instance : instances) {
			instance.destroy();
		}
		for (Process instance : instances) {
			if (!instance.waitFor(20, TimeUnit.SECONDS)) {
				instance.destroyForcibly();
			}
		}
		admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
	}

	private static void start(Path jar, Map<String, String> env, int index) throws Exception {
		Path dir = Files.createTempDirectory("ruche-cluster-i" + index);
		Path log = dir.resolve("instance.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		builder.environment().put("RUCHE_DATA_DIR", dir.toString());
		builder.environment().put("PORT", String.valueOf(port));
		Process process = builder.start();
		instances.add(process);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (true) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("instance " + index + " did not start; its log:\n" + Files.readString(log));
			}
			if (ready(port)) {
				ports.add(port);
				return;
			}
			Thread.sleep(250);
		}
	}

	private static boolean ready(int port) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(services.pgUrl(), services.pgUser(),
				services.pgPassword()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Test
	void aMessageSentAgainToTheOtherInstanceReturnsTheStoredTurn() {
		McpSyncClient first = checks.client(ports.get(0));
		McpSyncClient second = checks.client(ports.get(1));
		String session = checks.session(first, "cluster-retry", "queue");
		Map<String, Object> args = Map.of("session", session, "message", "is my bike ready?", "message_id", "c-1");
		Map<String, Object> answered = ok(call(first, "converse", args));
		int samplings = checks.samplings.get();

		Map<String, Object> retried = ok(call(second, "converse", args));

		assertThat(retried).isEqualTo(answered).containsEntry("turn", 2);
		assertThat(checks.samplings).hasValue(samplings);
		first.closeGracefully();
		second.closeGracefully();
	}

	@Test
	void queueSplitAcrossInstancesGivesEachMessageATurnOfItsOwn() throws Exception {
		checks.queueGivesEachMessageATurnOfItsOwn(ports, "cluster-queue");
	}

	@Test
	void mergeSplitAcrossInstancesAnswersOneWindowWithOneTurn() throws Exception {
		checks.mergeAnswersOneWindowWithOneTurn(ports, "cluster-merge");
	}

	@Test
	void supersedeSplitAcrossInstancesLetsTheNewestTurnAnswerThemAll() throws Exception {
		checks.supersedeLetsTheNewestTurnAnswerThemAll(ports, "cluster-supersede");
	}

	@Test
	void aSessionClosedOnOneInstanceRefusesTurnsOnTheOther() {
		McpSyncClient first = checks.client(ports.get(0));
		McpSyncClient second = checks.client(ports.get(1));
		String session = checks.session(first, "cluster-close", "merge");

		ok(call(first, "session_close", Map.of("session", session)));
		CallToolResult refused = call(second, "converse", Map.of("session", session, "message", "hello again"));

		assertThat(refused.isError()).isTrue();
		assertThat(text(refused)).contains("is closed", "start a new one");
		first.closeGracefully();
		second.closeGracefully();
	}

}
