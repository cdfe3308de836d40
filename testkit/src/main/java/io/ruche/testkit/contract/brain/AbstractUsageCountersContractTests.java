package io.ruche.testkit.contract.brain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.ruche.brain.port.UsageCounters;
import io.ruche.brain.port.UsageCounters.Usage;
import io.ruche.testkit.fixtures.Moments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link UsageCounters} adapter shares.
 */
public abstract class AbstractUsageCountersContractTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private UsageCounters counters;

	protected abstract UsageCounters createCounters();

	/**
	 * A second view of the same counters, as another instance of the server sees them.
	 * @return counters over the same state, through a client of their own where the
	 * adapter has one
	 */
	protected abstract UsageCounters createSharedCounters();

	@BeforeEach
	void setUpCounters() {
		this.counters = createCounters();
	}

	@Test
	void addsUpToTheLimitThenRefusesWithTheTimeLeft() {
		String key = Moments.uniqueTenant().value() + ":turns";
		List<Boolean> added = new ArrayList<>();

		for (int i = 0; i < 4; i++) {
			added.add(this.counters.tryAdd(key, 1, 3, MINUTE).added());
		}
		Usage refused = this.counters.tryAdd(key, 1, 3, MINUTE);

		assertThat(added).containsExactly(true, true, true, false);
		assertThat(refused.used()).isEqualTo(3);
		assertThat(refused.resetsIn()).isPositive().isLessThanOrEqualTo(MINUTE);
	}

	@Test
	void anUnconditionalAddGoesPastTheLimitAndAReadSeesIt() {
		String key = Moments.uniqueTenant().value() + ":tokens";

		Usage first = this.counters.add(key, 49, MINUTE);
		Usage second = this.counters.add(key, 49, MINUTE);
		Usage read = this.counters.read(key);

		assertThat(first.used()).isEqualTo(49);
		assertThat(second.used()).isEqualTo(98);
		assertThat(read.used()).isEqualTo(98);
		assertThat(read.resetsIn()).isPositive().isLessThanOrEqualTo(MINUTE);
		assertThat(this.counters.tryAdd(key, 1, 60, MINUTE).added()).isFalse();
	}

	@Test
	void aNegativeAddGivesBack() {
		String key = Moments.uniqueTenant().value() + ":turns";
		this.counters.tryAdd(key, 1, 1, MINUTE);

		this.counters.add(key, -1, MINUTE);

		assertThat(this.counters.tryAdd(key, 1, 1, MINUTE).added()).isTrue();
	}

	@Test
	void anUnknownCounterReadsZero() {
		Usage read = this.counters.read(Moments.uniqueTenant().value() + ":never");

		assertThat(read.used()).isZero();
		assertThat(read.resetsIn()).isZero();
	}

	@Test
	void countsKeysSeparately() {
		String tenant = Moments.uniqueTenant().value();
		this.counters.tryAdd(tenant + ":a", 1, 1, MINUTE);

		assertThat(this.counters.tryAdd(tenant + ":b", 1, 1, MINUTE).added()).isTrue();
		assertThat(this.counters.tryAdd(tenant + ":a", 1, 1, MINUTE).added()).isFalse();
	}

	@Test
	void startsAgainWhenTheWindowEnds() throws InterruptedException {
		String key = Moments.uniqueTenant().value() + ":turns";
		this.counters.tryAdd(key, 1, 1, Duration.ofMillis(300));
		boolean exhausted = this.counters.tryAdd(key, 1, 1, Duration.ofMillis(300)).added();

		Thread.sleep(500);
		Usage again = this.counters.tryAdd(key, 1, 1, Duration.ofMillis(300));

		assertThat(exhausted).isFalse();
		assertThat(again.added()).isTrue();
		assertThat(again.used()).isEqualTo(1);
	}

	@Test
	void everyInstanceSharesTheCounts() {
		String key = Moments.uniqueTenant().value() + ":turns";
		UsageCounters other = createSharedCounters();

		boolean here = this.counters.tryAdd(key, 1, 2, MINUTE).added();
		boolean there = other.tryAdd(key, 1, 2, MINUTE).added();
		boolean beyond = this.counters.tryAdd(key, 1, 2, MINUTE).added();

		assertThat(here).isTrue();
		assertThat(there).isTrue();
		assertThat(beyond).isFalse();
		assertThat(other.read(key).used()).isEqualTo(2);
	}

}
