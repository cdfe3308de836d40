package io.ruche.stores.redis;

import io.ruche.kernel.port.SessionLocks;
import io.ruche.testkit.contract.kernel.AbstractSessionLocksContractTests;
import org.junit.jupiter.api.AfterAll;

class RedissonSessionLocksContractIT extends AbstractSessionLocksContractTests {

	private static final RedisTestClient redis = new RedisTestClient();

	@AfterAll
	static void closeClient() {
		redis.close();
	}

	@Override
	protected SessionLocks createLocks() {
		return RedisStores.sessionLocks(redis.client(), redis.keyPrefix());
	}

}
