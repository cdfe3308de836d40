package io.ruche.brain.configuration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.ruche.brain.model.Agent;
import io.ruche.brain.model.AgentSettings;
import io.ruche.kernel.model.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAgentListsTests {

	private static final TenantId ACME = TenantId.of("acme");

	private static final TenantId GLOBEX = TenantId.of("globex");

	private final SteppedClock clock = new SteppedClock();

	private final RecentAgentLists lists = new RecentAgentLists(this.clock);

	private final List<Agent> stored = new ArrayList<>(List.of(agent("shop")));

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void readsTheStoreOnceWhileNothingChanges() {
		List<Agent> first = list(ACME);
		this.clock.advance(RecentAgentLists.MAX_AGE.minusMillis(1));
		List<Agent> second = list(ACME);

		assertThat(second).isEqualTo(first).extracting(Agent::name).containsExactly("shop");
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void readsAgainOnceAChangeIsAnnouncedForTheTenantOnly() {
		list(ACME);
		list(GLOBEX);
		this.stored.add(agent("desk"));

		this.lists.forget(ACME);

		assertThat(list(ACME)).extracting(Agent::name).containsExactly("shop", "desk");
		assertThat(list(GLOBEX)).extracting(Agent::name).containsExactly("shop");
		assertThat(this.reads).hasValue(3);
	}

	@Test
	void neverServesAListOlderThanTheMaximumAge() {
		list(ACME);
		this.stored.add(agent("desk"));

		this.clock.advance(RecentAgentLists.MAX_AGE);

		assertThat(list(ACME)).extracting(Agent::name).containsExactly("shop", "desk");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void doesNotKeepAListReadWhileAChangeWasAnnounced() {
		// the read sees the store before a commit that is announced before the read ends
		List<Agent> during = this.lists.list(ACME, () -> {
			List<Agent> before = List.copyOf(this.stored);
			this.stored.add(agent("desk"));
			this.lists.forget(ACME);
			return before;
		});

		assertThat(during).extracting(Agent::name).containsExactly("shop");
		assertThat(list(ACME)).extracting(Agent::name).containsExactly("shop", "desk");
	}

	private List<Agent> list(TenantId tenant) {
		return this.lists.list(tenant, () -> {
			this.reads.incrementAndGet();
			return List.copyOf(this.stored);
		});
	}

	private static Agent agent(String name) {
		return new Agent(ACME, name + "-id", name, name, "You help.", new AgentSettings("Let me check.", 1, Map.of()),
				List.of(), 0, Instant.EPOCH);
	}

	private static final class SteppedClock extends Clock {

		private Instant now = Instant.parse("2026-12-07T00:00:00Z");

		void advance(Duration step) {
			this.now = this.now.plus(step);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
