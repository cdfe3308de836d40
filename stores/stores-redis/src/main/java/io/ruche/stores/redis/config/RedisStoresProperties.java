package io.ruche.stores.redis.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Redis coordination; the connection itself comes from
 * {@code spring.data.redis.*}.
 *
 * @param keyPrefix the prefix of every key and topic
 */
@ConfigurationProperties(RedisStoresProperties.PREFIX)
public record RedisStoresProperties(@DefaultValue("ruche:") String keyPrefix) {

	public static final String PREFIX = "platform.stores.redis";

}
