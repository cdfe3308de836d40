package io.ruche.stores.embedded;

import io.ruche.kernel.port.RateLimits;
import io.ruche.testkit.contract.kernel.AbstractRateLimitsContractTests;

class InProcessRateLimitsContractTests extends AbstractRateLimitsContractTests {

	@Override
	protected RateLimits createLimits() {
		return EmbeddedStores.rateLimits();
	}

}
