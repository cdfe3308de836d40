package io.ruche.stores.postgres;

import java.util.Map;

import javax.sql.DataSource;

import io.ruche.stores.jdbc.JdbcStores;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

/**
 * Factories of the PostgreSQL backend: its Flyway migration and the JDBC stores with
 * pgvector search and row-level security.
 */
public final class PostgresStores {

	/** The classpath location of the PostgreSQL migrations. */
	public static final String MIGRATIONS = "classpath:db/migration/postgres";

	/** The default role that tenant transactions switch to. */
	public static final String DEFAULT_RLS_ROLE = "ruche_app";

	private PostgresStores() {
	}

	/**
	 * The Flyway configuration of the schema; add {@code schemas(...)} to migrate another
	 * schema than the connection's current one.
	 * @param dataSource the database
	 * @param embeddingDimensions the dimensions of the {@code vector} columns
	 * @param rlsRole the role to create and grant, or empty for the default one
	 * @return the configuration, not yet loaded
	 */
	public static FluentConfiguration flyway(DataSource dataSource, int embeddingDimensions, String rlsRole) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations(MIGRATIONS)
			.placeholders(Map.of("embeddingDimensions", Integer.toString(embeddingDimensions), "appRole",
					rlsRole.isEmpty() ? DEFAULT_RLS_ROLE : rlsRole));
	}

	/**
	 * The JDBC stores over a migrated database.
	 * @param dataSource the database
	 * @param rlsRole the role each tenant transaction switches to, or empty not to switch
	 * (then the connecting user must not bypass row-level security)
	 * @return the stores
	 */
	public static JdbcStores jdbcStores(DataSource dataSource, String rlsRole) {
		return JdbcStores.builder(dataSource)
			.vectorSearch(new PgVectorSearch())
			.dialect(JdbcPostgresDialect.INSTANCE)
			.tenantBinder(new PgTenantBinder(rlsRole))
			.build();
	}

}
