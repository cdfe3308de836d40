package io.ruche.stores.redis;

import java.net.ServerSocket;
import java.time.Duration;

import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Redis server that cannot be reached fails coordination with
 * {@link StoreUnavailableException}, not with a Redisson exception.
 */
class RedisUnavailableTests {

	private RedissonClient client;

	@BeforeEach
	void connectToClosedPort() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Config config = new Config();
		config.setLazyInitialization(true);
		config.useSingleServer()
			.setAddress("redis://127.0.0.1:" + closedPort)
			.setConnectTimeout(200)
			.setTimeout(200)
			.setRetryAttempts(0);
		this.client = Redisson.create(config);
	}

	@AfterEach
	void shutdown() {
		this.client.shutdown();
	}

	@Test
	void unreachableServerFailsAsUnavailable() {
		var locks = RedisStores.sessionLocks(this.client, "ruche:");
		var limits = RedisStores.rateLimits(this.client, "ruche:");
		var broadcast = RedisStores.changeBroadcast(this.client, "ruche:");

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> locks.withLock(Moments.uniqueTenant(), "ses_1", Duration.ofMillis(100), () -> "x"));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> limits.tryAcquire("t:k", 1, Duration.ofSeconds(1)));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(
				() -> broadcast.publish(new ConfigurationChanged(Moments.uniqueTenant(), "*", "tool", "weather")));
	}

}
