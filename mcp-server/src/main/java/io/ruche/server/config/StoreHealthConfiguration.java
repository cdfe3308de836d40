package io.ruche.server.config;

import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reports Redis in the health and readiness checks when the production backend uses it;
 * the database is reported by Spring Boot's own {@code db} indicator.
 */
@Configuration(proxyBeanMethods = false)
public class StoreHealthConfiguration {

	@Bean
	@ConditionalOnProperty(name = "platform.stores.backend", havingValue = "postgres")
	HealthIndicator redisHealthIndicator(ObjectProvider<RedissonClient> redissonClient) {
		RedissonClient redisson = redissonClient.getObject();
		return () -> {
			try {
				redisson.getBucket("ruche:health").isExists();
				return Health.up().withDetail("client", "redisson").build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}

}
