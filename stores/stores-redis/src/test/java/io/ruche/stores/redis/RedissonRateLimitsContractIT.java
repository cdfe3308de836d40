package io.ruche.stores.redis;

import org.junit.jupiter.api.AfterAll;

import io.ruche.kernel.port.RateLimits;
import io.ruche.testkit.contract.kernel.AbstractRateLimitsContractTests;

class RedissonRateLimitsContractIT extends AbstractRateLimitsContractTests {

	private static final RedisTestClient redis = new RedisTestClient();

	@AfterAll
	static void closeClient() {
		redis.close();
	}

	@Override
	protected RateLimits createLimits() {
		return RedisStores.rateLimits(redis.client(), redis.keyPrefix());
	}

}
