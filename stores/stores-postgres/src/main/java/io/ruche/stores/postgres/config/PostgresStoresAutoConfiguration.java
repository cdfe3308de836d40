package io.ruche.stores.postgres.config;

import javax.sql.DataSource;

import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.stores.jdbc.config.JdbcStoresConfiguration;
import io.ruche.stores.postgres.PostgresStores;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The PostgreSQL backend over Boot's {@link DataSource} ({@code spring.datasource.*}):
 * migrates {@code db/migration/postgres} with its own {@link Flyway} (so Boot's Flyway
 * auto-configuration backs off) and provides every store port.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnProperty(name = "platform.stores.backend", havingValue = "postgres")
@EnableConfigurationProperties(PostgresStoresProperties.class)
@Import(JdbcStoresConfiguration.class)
public class PostgresStoresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Flyway flyway(DataSource dataSource, PostgresStoresProperties properties) {
		Flyway flyway = PostgresStores.flyway(dataSource, properties.embeddingDimensions(), properties.rlsRole())
			.load();
		flyway.migrate();
		return flyway;
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcStores jdbcStores(DataSource dataSource, PostgresStoresProperties properties, Flyway flyway) {
		return PostgresStores.jdbcStores(dataSource, properties.rlsRole());
	}

}
