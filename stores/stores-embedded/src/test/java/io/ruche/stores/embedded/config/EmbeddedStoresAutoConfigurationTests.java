package io.ruche.stores.embedded.config;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.ruche.brain.port.RuleStore;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.kernel.port.TenantStore;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.PlatformRecords;
import io.ruche.toolbox.port.InvocationLedger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoresAutoConfigurationTests {

	@TempDir
	Path dataDir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(EmbeddedStoresAutoConfiguration.class, DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class));

	@Test
	void providesEveryPortByDefaultOnItsOwnMigratedDatabase() {
		this.runner.withPropertyValues("platform.stores.embedded.data-dir=" + this.dataDir).run((context) -> {
			assertThat(context).hasSingleBean(DataSource.class)
				.hasSingleBean(Flyway.class)
				.hasSingleBean(RuleStore.class)
				.hasSingleBean(InvocationLedger.class)
				.hasSingleBean(SessionLocks.class)
				.hasSingleBean(RateLimits.class)
				.hasSingleBean(ChangeBroadcast.class);
			var tenant = PlatformRecords.aTenant(Moments.uniqueTenant());
			context.getBean(TenantStore.class).create(tenant);
			assertThat(context.getBean(TenantStore.class).find(tenant.id())).contains(tenant);
		});
		assertThat(this.dataDir.resolve("ruche.mv.db")).exists();
	}

	@Test
	void backsOffForAnotherBackend() {
		this.runner.withPropertyValues("platform.stores.backend=postgres").run((context) -> {
			assertThat(context).doesNotHaveBean(RuleStore.class).doesNotHaveBean(SessionLocks.class);
		});
	}

}
