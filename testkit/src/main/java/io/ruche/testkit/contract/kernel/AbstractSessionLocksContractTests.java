package io.ruche.testkit.contract.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.SessionBusyException;
import io.ruche.kernel.port.SessionLocks;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link SessionLocks} adapter shares.
 */
public abstract class AbstractSessionLocksContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private SessionLocks locks;

	protected abstract SessionLocks createLocks();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpLocks() {
		onStart();
		this.locks = createLocks();
	}

	@AfterEach
	void closeLocks() {
		this.executor.shutdownNow();
		onClose();
	}

	@Test
	void returnsWhatTheWorkReturns() {
		String result = this.locks.withLock(this.tenant, "ses_1", Duration.ofSeconds(1), () -> "done");

		assertThat(result).isEqualTo("done");
	}

	@Test
	void excludesConcurrentWorkOnOneSession() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger maxInside = new AtomicInteger();
		List<Future<Integer>> results = new ArrayList<>();

		for (int i = 0; i < 8; i++) {
			results.add(
					this.executor.submit(() -> this.locks.withLock(this.tenant, "ses_1", Duration.ofSeconds(20), () -> {
						maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
						sleep(20);
						return inside.decrementAndGet();
					})));
		}
		for (Future<Integer> result : results) {
			result.get(30, TimeUnit.SECONDS);
		}

		assertThat(maxInside).hasValue(1);
	}

	@Test
	void waitersTakeTheLockInTheOrderTheyAskedForIt() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> order = new CopyOnWriteArrayList<>();
		Future<?> holder = hold(held, release);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		List<Future<Boolean>> waiters = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int arrival = i;
			waiters.add(this.executor.submit(
					() -> this.locks.withLock(this.tenant, "ses_1", Duration.ofSeconds(20), () -> order.add(arrival))));
			// Time for the waiter to ask for the lock before the next one does.
			sleep(150);
		}

		release.countDown();
		holder.get(10, TimeUnit.SECONDS);
		for (Future<Boolean> waiter : waiters) {
			waiter.get(30, TimeUnit.SECONDS);
		}

		assertThat(order).containsExactly(0, 1, 2, 3);
	}

	@Test
	void throwsSessionBusyWhenTheWaitRunsOut() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = hold(held, release);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

		try {
			assertThatExceptionOfType(SessionBusyException.class)
				.isThrownBy(() -> this.locks.withLock(this.tenant, "ses_1", Duration.ofMillis(100), () -> "late"));
		}
		finally {
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void doesNotBlockOtherSessionsOrTenants() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = hold(held, release);
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

		String otherSession = this.locks.withLock(this.tenant, "ses_2", Duration.ofMillis(200), () -> "free");
		String otherTenant = this.locks.withLock(Moments.uniqueTenant(), "ses_1", Duration.ofMillis(200), () -> "free");

		release.countDown();
		holder.get(10, TimeUnit.SECONDS);
		assertThat(otherSession).isEqualTo("free");
		assertThat(otherTenant).isEqualTo("free");
	}

	@Test
	void releasesTheLockWhenWorkFails() {
		try {
			this.locks.withLock(this.tenant, "ses_1", Duration.ofSeconds(1), () -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the failure itself is not under test
		}

		String again = this.locks.withLock(this.tenant, "ses_1", Duration.ofMillis(100), () -> "free");

		assertThat(again).isEqualTo("free");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// Holds the lock of ses_1 from another thread until release opens.
	private Future<?> hold(CountDownLatch held, CountDownLatch release) {
		return this.executor.submit(() -> this.locks.withLock(this.tenant, "ses_1", Duration.ofSeconds(5), () -> {
			held.countDown();
			await(release);
			return null;
		}));
	}

}
