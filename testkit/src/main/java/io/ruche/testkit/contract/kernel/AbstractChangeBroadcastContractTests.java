package io.ruche.testkit.contract.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.ruche.kernel.model.TenantId;
import io.ruche.kernel.port.ChangeBroadcast;
import io.ruche.kernel.port.ChangeBroadcast.ConfigurationChanged;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link ChangeBroadcast} adapter shares.
 */
public abstract class AbstractChangeBroadcastContractTests {

	private final TenantId tenant = Moments.uniqueTenant();

	private ChangeBroadcast broadcast;

	protected abstract ChangeBroadcast createBroadcast();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpBroadcast() {
		onStart();
		this.broadcast = createBroadcast();
	}

	@AfterEach
	void closeBroadcast() {
		onClose();
	}

	@Test
	void deliversChangesToEveryListenerIncludingThisInstance() throws InterruptedException {
		List<ConfigurationChanged> first = new CopyOnWriteArrayList<>();
		List<ConfigurationChanged> second = new CopyOnWriteArrayList<>();
		this.broadcast.subscribe((change) -> {
			if (change.tenant().equals(this.tenant)) {
				first.add(change);
			}
		});
		this.broadcast.subscribe((change) -> {
			if (change.tenant().equals(this.tenant)) {
				second.add(change);
			}
		});
		ConfigurationChanged ruleChanged = new ConfigurationChanged(this.tenant, "agt_1", "rule", "rul_1");
		ConfigurationChanged toolChanged = new ConfigurationChanged(this.tenant, "*", "tool", "weather");

		this.broadcast.publish(ruleChanged);
		this.broadcast.publish(toolChanged);

		awaitSize(first, 2);
		awaitSize(second, 2);
		assertThat(first).containsExactly(ruleChanged, toolChanged);
		assertThat(second).containsExactly(ruleChanged, toolChanged);
	}

	private static void awaitSize(List<?> list, int size) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (list.size() < size && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

}
