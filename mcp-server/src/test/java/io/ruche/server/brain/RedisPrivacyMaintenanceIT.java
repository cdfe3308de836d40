package io.ruche.server.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ruche.kernel.port.RateLimits;
import io.ruche.stores.redis.RedisStores;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.AfterEach;
import org.redisson.api.RedissonClient;

/**
 * Each instance has a Redisson client of its own on the shared Redis (the PostgreSQL and
 * Redis backend): the round still runs once.
 */
class RedisPrivacyMaintenanceIT extends AbstractPrivacyMaintenanceTests {

	private final String prefix = "it-privacy-" + UUID.randomUUID() + ":";

	private final List<RedissonClient> clients = new ArrayList<>();

	@Override
	protected RateLimits instanceLimits() {
		LocalServices services = LocalServices.fromEnvironment();
		RedissonClient client = RedisStores.client(services.redisHost(), services.redisPort(), null, 0);
		this.clients.add(client);
		return RedisStores.rateLimits(client, this.prefix);
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(RedissonClient::shutdown);
	}

}
