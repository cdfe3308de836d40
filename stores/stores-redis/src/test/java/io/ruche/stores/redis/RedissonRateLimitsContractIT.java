package io.ruche.stores.redis;

import io.ruche.kernel.port.RateLimits;
import io.ruche.testkit.contract.kernel.AbstractRateLimitsContractTests;
import org.junit.jupiter.api.AfterAll;

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
