package io.ruche.stores.redis.config;

import io.ruche.brain.port.UsageCounters;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.RateLimits;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.stores.redis.RedisStores;
import org.redisson.api.RedissonClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Session locks, rate limits and change broadcast on Redis for the {@code postgres}
 * backend. The {@link RedissonClient} is built from Boot's standard
 * {@code spring.data.redis.host}, {@code port}, {@code password} and {@code database},
 * unless the application defines one.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "platform.stores.backend", havingValue = "postgres")
@EnableConfigurationProperties(RedisStoresProperties.class)
public class RedisStoresAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	RedissonClient redissonClient(Environment environment) {
		return RedisStores.client(environment.getProperty("spring.data.redis.host", "localhost"),
				environment.getProperty("spring.data.redis.port", Integer.class, 6379),
				environment.getProperty("spring.data.redis.password"),
				environment.getProperty("spring.data.redis.database", Integer.class, 0));
	}

	@Bean
	@ConditionalOnMissingBean
	SessionLocks sessionLocks(RedissonClient redisson, RedisStoresProperties properties) {
		return RedisStores.sessionLocks(redisson, properties.keyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimits rateLimits(RedissonClient redisson, RedisStoresProperties properties) {
		return RedisStores.rateLimits(redisson, properties.keyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	UsageCounters usageCounters(RedissonClient redisson, RedisStoresProperties properties) {
		return RedisStores.usageCounters(redisson, properties.keyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	ChangeBroadcast changeBroadcast(RedissonClient redisson, RedisStoresProperties properties) {
		return RedisStores.changeBroadcast(redisson, properties.keyPrefix());
	}

}
