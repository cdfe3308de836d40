package io.ruche.stores.embedded.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.ruche.brain.port.UsageCounters;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.stores.embedded.EmbeddedStores;
import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.stores.jdbc.config.JdbcStoresConfiguration;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The embedded backend: its own H2 {@link DataSource} under the data directory, migrated
 * by its own {@link Flyway} (so Boot's DataSource and Flyway auto-configurations back
 * off), every store port, and in-process coordination.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnProperty(name = "platform.stores.backend", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedStoresProperties.class)
@Import(JdbcStoresConfiguration.class)
public class EmbeddedStoresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DataSource dataSource(EmbeddedStoresProperties properties, Environment environment) {
		String dataDir = (properties.dataDir() != null) ? properties.dataDir()
				: environment.getProperty("RUCHE_DATA_DIR", "./data");
		return EmbeddedStores.dataSource(Path.of(dataDir));
	}

	@Bean
	@ConditionalOnMissingBean
	Flyway flyway(DataSource dataSource) {
		return EmbeddedStores.migrate(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcStores jdbcStores(DataSource dataSource, Flyway flyway) {
		return EmbeddedStores.jdbcStores(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionLocks sessionLocks() {
		return EmbeddedStores.sessionLocks();
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimits rateLimits() {
		return EmbeddedStores.rateLimits();
	}

	@Bean
	@ConditionalOnMissingBean
	UsageCounters usageCounters() {
		return EmbeddedStores.usageCounters();
	}

	@Bean
	@ConditionalOnMissingBean
	ChangeBroadcast changeBroadcast() {
		return EmbeddedStores.changeBroadcast();
	}

}
