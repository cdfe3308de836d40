package io.ruche.stores.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ruche.brain.port.UsageCounters;
import io.ruche.kernel.files.PrivateFiles;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.stores.jdbc.InProcessVectorSearch;
import io.ruche.stores.jdbc.JdbcStores;
import org.flywaydb.core.Flyway;

import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;

/**
 * Factories of the embedded backend: the H2 database under a data directory, its
 * migration, the JDBC stores over it and the in-process coordination.
 */
public final class EmbeddedStores {

	/** The classpath location of the H2 migrations. */
	public static final String MIGRATIONS = "classpath:db/migration/h2";

	private static final String DATABASE = "ruche";

	private EmbeddedStores() {
	}

	/**
	 * The JDBC URL of the database kept under a data directory. Commits are flushed
	 * before they are acknowledged ({@code WRITE_DELAY=0}) so that they survive a killed
	 * process.
	 * @param dataDir the data directory
	 * @return the URL of {@code <dataDir>/ruche}
	 */
	public static String jdbcUrl(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(DATABASE)
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
	}

	/**
	 * A pooled data source of the database under a data directory. The directory is
	 * created (or tightened) for its owner only before H2 opens the database, and the
	 * database's files are tightened once open: H2 creates them with the process umask,
	 * and the private directory keeps others away from any file it adds later.
	 * @param dataDir the data directory, created when missing
	 * @return the data source; close it to release the database file
	 */
	public static HikariDataSource dataSource(Path dataDir) {
		PrivateFiles.directory(dataDir);
		HikariConfig config = new HikariConfig();
		config.setPoolName("ruche-h2");
		config.setJdbcUrl(jdbcUrl(dataDir));
		config.setUsername("sa");
		config.setPassword("");
		config.setMaximumPoolSize(10);
		// the pool opens its first connection here, so the database files exist below
		HikariDataSource dataSource = new HikariDataSource(config);
		restrictDatabaseFiles(dataDir);
		return dataSource;
	}

	private static void restrictDatabaseFiles(Path dataDir) {
		try (Stream<Path> files = Files.list(dataDir)) {
			files.filter((file) -> file.getFileName().toString().startsWith(DATABASE + "."))
				.forEach(PrivateFiles::restrict);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the data directory " + dataDir, ex);
		}
	}

	/**
	 * Migrates the schema of an H2 database.
	 * @param dataSource the database
	 * @return the Flyway instance used
	 */
	public static Flyway migrate(DataSource dataSource) {
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
		flyway.migrate();
		return flyway;
	}

	/**
	 * The JDBC stores over a migrated H2 database, ranking vectors in process.
	 * @param dataSource the database
	 * @return the stores
	 */
	public static JdbcStores jdbcStores(DataSource dataSource) {
		return JdbcStores.builder(dataSource)
			.vectorSearch(new InProcessVectorSearch())
			.dialect(JdbcH2Dialect.INSTANCE)
			.build();
	}

	public static SessionLocks sessionLocks() {
		return new InProcessSessionLocks();
	}

	public static RateLimits rateLimits() {
		return new InProcessRateLimits();
	}

	public static UsageCounters usageCounters() {
		return new InProcessUsageCounters();
	}

	public static ChangeBroadcast changeBroadcast() {
		return new InProcessChangeBroadcast();
	}

}
