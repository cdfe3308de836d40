package io.ruche.stores.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.services.LocalServices;

/**
 * A fresh schema of the local PostgreSQL server, migrated, for one test class; dropped by
 * {@link #close()}. Fails loudly when the server is missing.
 */
final class PgTestDatabase implements AutoCloseable {

	private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final HikariDataSource dataSource;

	private final JdbcStores stores;

	private PgTestDatabase() {
		LocalServices services = LocalServices.fromEnvironment();
		this.dataSource = dataSource(services, this.schema);
		PostgresStores.flyway(this.dataSource, 384, PostgresStores.DEFAULT_RLS_ROLE)
			.schemas(this.schema)
			.load()
			.migrate();
		this.stores = PostgresStores.jdbcStores(this.dataSource, PostgresStores.DEFAULT_RLS_ROLE);
	}

	static PgTestDatabase create() {
		return new PgTestDatabase();
	}

	static HikariDataSource dataSource(LocalServices services, String schema) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl(services, schema));
		config.setUsername(services.pgUser());
		config.setPassword(services.pgPassword());
		config.setMaximumPoolSize(10);
		config.setConnectionTimeout(5000);
		return new HikariDataSource(config);
	}

	static String jdbcUrl(LocalServices services, String schema) {
		return services.pgUrl() + (services.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
	}

	JdbcStores stores() {
		return this.stores;
	}

	HikariDataSource dataSource() {
		return this.dataSource;
	}

	String schema() {
		return this.schema;
	}

	@Override
	public void close() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not drop test schema " + this.schema, ex);
		}
		finally {
			this.dataSource.close();
		}
	}

}
