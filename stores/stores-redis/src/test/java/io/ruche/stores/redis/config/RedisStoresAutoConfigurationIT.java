package io.ruche.stores.redis.config;

import java.time.Duration;

import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedisStoresAutoConfigurationIT {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisStoresAutoConfiguration.class));

	@Test
	void providesCoordinationFromSpringDataRedisProperties() {
		LocalServices services = LocalServices.fromEnvironment();
		this.runner
			.withPropertyValues("platform.stores.backend=postgres", "spring.data.redis.host=" + services.redisHost(),
					"spring.data.redis.port=" + services.redisPort(),
					"platform.stores.redis.key-prefix=ruche-it-" + Moments.uniqueId("cfg") + ":")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedissonClient.class)
					.hasSingleBean(SessionLocks.class)
					.hasSingleBean(RateLimits.class)
					.hasSingleBean(ChangeBroadcast.class);
				String result = context.getBean(SessionLocks.class)
					.withLock(Moments.uniqueTenant(), "ses_1", Duration.ofSeconds(1), () -> "locked");
				assertThat(result).isEqualTo("locked");
			});
	}

	@Test
	void staysOffForTheEmbeddedBackend() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SessionLocks.class));
	}

}
