package io.ruche.stores.embedded;

import io.ruche.brain.port.UsageCounters;
import io.ruche.testkit.contract.brain.AbstractUsageCountersContractTests;

class InProcessUsageCountersContractTests extends AbstractUsageCountersContractTests {

	// The embedded backend is one process: every caller shares the one instance.
	private final UsageCounters counters = EmbeddedStores.usageCounters();

	@Override
	protected UsageCounters createCounters() {
		return this.counters;
	}

	@Override
	protected UsageCounters createSharedCounters() {
		return this.counters;
	}

}
