package io.ruche.stores.redis;

import io.ruche.brain.port.UsageCounters;
import io.ruche.testkit.contract.brain.AbstractUsageCountersContractTests;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.redisson.api.RedissonClient;

class RedissonUsageCountersContractIT extends AbstractUsageCountersContractTests {

	private static final RedisTestClient redis = new RedisTestClient();

	// A second client, as a second server instance holds: it shares nothing with the
	// first but Redis.
	private static final RedissonClient otherInstance = otherClient();

	private static RedissonClient otherClient() {
		LocalServices services = LocalServices.fromEnvironment();
		return RedisStores.client(services.redisHost(), services.redisPort(), null, 0);
	}

	@AfterAll
	static void closeClients() {
		otherInstance.shutdown();
		redis.close();
	}

	@Override
	protected UsageCounters createCounters() {
		return RedisStores.usageCounters(redis.client(), redis.keyPrefix());
	}

	@Override
	protected UsageCounters createSharedCounters() {
		return RedisStores.usageCounters(otherInstance, redis.keyPrefix());
	}

}
