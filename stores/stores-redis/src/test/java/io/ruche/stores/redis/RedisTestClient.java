package io.ruche.stores.redis;

import java.util.UUID;

import io.ruche.testkit.services.LocalServices;
import org.redisson.api.RedissonClient;

/** A client of the local Redis server and a key prefix no other test run uses. */
final class RedisTestClient implements AutoCloseable {

	private final RedissonClient client;

	private final String keyPrefix = "ruche-it-" + UUID.randomUUID() + ":";

	RedisTestClient() {
		LocalServices services = LocalServices.fromEnvironment();
		this.client = RedisStores.client(services.redisHost(), services.redisPort(), null, 0);
	}

	RedissonClient client() {
		return this.client;
	}

	String keyPrefix() {
		return this.keyPrefix;
	}

	@Override
	public void close() {
		this.client.getKeys().deleteByPattern(this.keyPrefix + "*");
		this.client.shutdown();
	}

}
