package io.ruche.server.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.ruche.server.RucheApplication;
import io.ruche.testkit.services.LocalServices;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances as an operator runs them: the PostgreSQL backend on one schema of
 * its own, one Redis under a key prefix of its own, each instance with its own data
 * directory and port.
 */
final class TwoInstances implements AutoCloseable {

	private static final LocalServices services = LocalServices.fromEnvironment();

	private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final ConfigurableApplicationContext first;

	private final ConfigurableApplicationContext second;

	private TwoInstances(Map<String, String> extraSettings) throws SQLException {
		execute("CREATE SCHEMA " + this.schema);
		String redisPrefix = "ruche-it-" + UUID.randomUUID() + ":";
		this.first = start(redisPrefix, extraSettings);
		this.second = start(redisPrefix, extraSettings);
	}

	/**
	 * Starts both instances.
	 * @param extraSettings settings both instances get, as command-line arguments
	 * @return the running instances
	 * @throws SQLException when the schema cannot be created
	 */
	static TwoInstances start(Map<String, String> extraSettings) throws SQLException {
		return new TwoInstances(extraSettings);
	}

	int firstPort() {
		return port(this.first);
	}

	int secondPort() {
		return port(this.second);
	}

	@Override
	public void close() throws SQLException {
		this.second.close();
		this.first.close();
		execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

	private ConfigurableApplicationContext start(String redisPrefix, Map<String, String> extraSettings) {
		String dataDir;
		try {
			dataDir = Files.createTempDirectory("ruche-it-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = services.pgUrl() + (services.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + this.schema
				+ ",public";
		// Command-line arguments: they take precedence over application.yaml, as a
		// deployed instance's settings do.
		Map<String, String> settings = new LinkedHashMap<>(Map.ofEntries(Map.entry("server.port", "0"),
				Map.entry("platform.stores.backend", "postgres"), Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", services.pgUser()),
				Map.entry("spring.datasource.password", services.pgPassword()),
				Map.entry("spring.data.redis.host", services.redisHost()),
				Map.entry("spring.data.redis.port", String.valueOf(services.redisPort())),
				Map.entry("platform.stores.redis.key-prefix", redisPrefix), Map.entry("platform.data-dir", dataDir),
				Map.entry("platform.bootstrap-key", ConversationSupport.KEY)));
		settings.putAll(extraSettings);
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

}
