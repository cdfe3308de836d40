package io.ruche.stores.redis;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.services.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session lock held by an instance that died is free again within the lease, before a
 * turn retried on another instance stops waiting for it.
 */
class RedissonSessionLocksLeaseIT {

	private static final RedisTestClient survivor = new RedisTestClient();

	@AfterAll
	static void closeClient() {
		survivor.close();
	}

	@Test
	void aLockOfADeadHolderIsTakenWithinTheLease() throws Exception {
		LocalServices services = LocalServices.fromEnvironment();
		RedissonClient doomed = RedisStores.client(services.redisHost(), services.redisPort(), null, 0);
		TenantId tenant = Moments.uniqueTenant();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		Thread.ofVirtual()
			.start(() -> RedisStores.sessionLocks(doomed, survivor.keyPrefix())
				.withLock(tenant, "ses_crash", Duration.ofSeconds(1), () -> {
					held.countDown();
					await(never);
					return null;
				}));
		assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
		// The holder's process is gone: nobody renews or releases its lock any more.
		doomed.shutdown();
		long died = System.nanoTime();

		SessionLocks locks = RedisStores.sessionLocks(survivor.client(), survivor.keyPrefix());
		String result = locks.withLock(tenant, "ses_crash", Duration.ofSeconds(10), () -> "retried");

		assertThat(result).isEqualTo("retried");
		assertThat(Duration.ofNanos(System.nanoTime() - died))
			.isLessThanOrEqualTo(RedisStores.LOCK_LEASE.plusSeconds(1));
		never.countDown();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
