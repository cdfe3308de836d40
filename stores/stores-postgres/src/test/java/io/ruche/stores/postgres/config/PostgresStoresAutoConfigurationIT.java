package io.ruche.stores.postgres.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import io.ruche.brain.model.Rule;
import io.ruche.brain.port.RuleStore;
import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.TenantStore;
import io.ruche.testkit.fakes.FakeEmbeddingModel;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Rules;
import io.ruche.testkit.services.LocalServices;
import io.ruche.toolbox.port.ToolCatalogStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresStoresAutoConfigurationIT {

	private final LocalServices services = LocalServices.fromEnvironment();

	private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, PostgresStoresAutoConfiguration.class));

	@BeforeEach
	void createSchema() throws SQLException {
		execute("CREATE SCHEMA " + this.schema);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
	}

	@Test
	void migratesAndProvidesEveryPortOverBootsDataSource() {
		String url = this.services.pgUrl() + (this.services.pgUrl().contains("?") ? "&" : "?") + "currentSchema="
				+ this.schema + ",public";
		this.runner
			.withPropertyValues("platform.stores.backend=postgres", "spring.datasource.url=" + url,
					"spring.datasource.username=" + this.services.pgUser(),
					"spring.datasource.password=" + this.services.pgPassword())
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class)
					.hasSingleBean(Flyway.class)
					.hasSingleBean(RuleStore.class)
					.hasSingleBean(ToolCatalogStore.class)
					.hasSingleBean(TenantStore.class);
				TenantId tenant = Moments.uniqueTenant();
				Rule rule = Rules.aRule(tenant, "agt_1").build();
				context.getBean(RuleStore.class).save(rule, new FakeEmbeddingModel().embed("hello"));
				assertThat(context.getBean(RuleStore.class).find(tenant, "agt_1", rule.id())).isPresent();
			});
	}

	@Test
	void staysOffForTheEmbeddedBackend() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PostgresStoresAutoConfiguration.class))
			.withPropertyValues("platform.stores.backend=embedded")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RuleStore.class));
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.services.pgUrl(), this.services.pgUser(),
				this.services.pgPassword()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
