package io.ruche.testkit.contract.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ruche.kernel.port.RateLimits;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link RateLimits} adapter shares.
 */
public abstract class AbstractRateLimitsContractTests {

	private RateLimits limits;

	protected abstract RateLimits createLimits();

	protected void onStart() {
	}

	protected void onClose() {
	}

	@BeforeEach
	void setUpLimits() {
		onStart();
		this.limits = createLimits();
	}

	@AfterEach
	void closeLimits() {
		onClose();
	}

	@Test
	void grantsExactlyThePermitsOfAPeriod() {
		String key = Moments.uniqueTenant().value() + ":tool:weather";
		List<Boolean> granted = new ArrayList<>();

		for (int i = 0; i < 5; i++) {
			granted.add(this.limits.tryAcquire(key, 3, Duration.ofMinutes(1)));
		}

		assertThat(granted).containsExactly(true, true, true, false, false);
	}

	@Test
	void countsKeysSeparately() {
		String tenant = Moments.uniqueTenant().value();
		this.limits.tryAcquire(tenant + ":a", 1, Duration.ofMinutes(1));

		boolean other = this.limits.tryAcquire(tenant + ":b", 1, Duration.ofMinutes(1));
		boolean same = this.limits.tryAcquire(tenant + ":a", 1, Duration.ofMinutes(1));

		assertThat(other).isTrue();
		assertThat(same).isFalse();
	}

	@Test
	void refillsAfterThePeriod() throws InterruptedException {
		String key = Moments.uniqueTenant().value() + ":turns";
		this.limits.tryAcquire(key, 1, Duration.ofMillis(300));
		boolean exhausted = this.limits.tryAcquire(key, 1, Duration.ofMillis(300));

		Thread.sleep(600);
		boolean refilled = this.limits.tryAcquire(key, 1, Duration.ofMillis(300));

		assertThat(exhausted).isFalse();
		assertThat(refilled).isTrue();
	}

}
