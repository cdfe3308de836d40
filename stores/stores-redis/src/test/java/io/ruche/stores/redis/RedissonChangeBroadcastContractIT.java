package io.ruche.stores.redis;

import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.testkit.contract.kernel.AbstractChangeBroadcastContractTests;
import org.junit.jupiter.api.AfterAll;

class RedissonChangeBroadcastContractIT extends AbstractChangeBroadcastContractTests {

	private static final RedisTestClient redis = new RedisTestClient();

	@AfterAll
	static void closeClient() {
		redis.close();
	}

	@Override
	protected ChangeBroadcast createBroadcast() {
		return RedisStores.changeBroadcast(redis.client(), redis.keyPrefix());
	}

}
