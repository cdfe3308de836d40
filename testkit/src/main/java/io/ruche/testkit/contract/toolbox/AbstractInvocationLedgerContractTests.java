package io.ruche.testkit.contract.toolbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ruche.kernel.model.TenantId;
import io.ruche.testkit.fixtures.Moments;
import io.ruche.testkit.fixtures.Tools;
import io.ruche.toolbox.model.LedgerEntry;
import io.ruche.toolbox.port.InvocationLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link InvocationLedger} adapter shares.
 */
public abstract class AbstractInvocationLedgerContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private InvocationLedger store;

	protected abstract InvocationLedger createStore();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpStore() {
		onStart();
		this.store = createStore();
	}

	@AfterEach
	void closeStore() {
		onClose();
	}

	@Test
	void beginsOncePerKey() {
		LedgerEntry entry = Tools.aStartedEntry(this.tenant, "pay", "key-1");

		boolean first = this.store.begin(entry);
		boolean second = this.store.begin(entry);

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.store.find(this.tenant, "pay", "key-1")).contains(entry);
	}

	@Test
	void beginsExactlyOnceUnderConcurrency() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		Callable<Boolean> begin = () -> {
			start.await();
			return this.store.begin(Tools.aStartedEntry(this.tenant, "pay", "key-race"));
		};
		try {
			for (int i = 0; i < 8; i++) {
				results.add(executor.submit(begin));
			}

			start.countDown();
			int winners = 0;
			for (Future<Boolean> result : results) {
				winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}

			assertThat(winners).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void finishRecordsTheOutcome() {
		this.store.begin(Tools.aStartedEntry(this.tenant, "pay", "key-1"));

		this.store.finish(this.tenant, "pay", "key-1", "completed", "{\"ok\":true}");

		LedgerEntry entry = this.store.find(this.tenant, "pay", "key-1").orElseThrow();
		assertThat(entry.state()).isEqualTo("completed");
		assertThat(entry.outcomeJson()).isEqualTo("{\"ok\":true}");
		assertThat(entry.finishedAt()).isNotNull();
	}

	@Test
	void keysAreScopedToToolAndTenant() {
		this.store.begin(Tools.aStartedEntry(this.tenant, "pay", "key-1"));

		boolean otherTool = this.store.begin(Tools.aStartedEntry(this.tenant, "refund", "key-1"));
		boolean otherTenant = this.store.begin(Tools.aStartedEntry(Moments.uniqueTenant(), "pay", "key-1"));

		assertThat(otherTool).isTrue();
		assertThat(otherTenant).isTrue();
		assertThat(this.store.find(Moments.uniqueTenant(), "pay", "key-1")).isEmpty();
	}

}
