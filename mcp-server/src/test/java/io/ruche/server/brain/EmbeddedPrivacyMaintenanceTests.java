package io.ruche.server.brain;

import io.ruche.kernel.port.RateLimits;
import io.ruche.stores.embedded.EmbeddedStores;

/** Instances of one process share the in-process rate limits (the embedded backend). */
class EmbeddedPrivacyMaintenanceTests extends AbstractPrivacyMaintenanceTests {

	private final RateLimits shared = EmbeddedStores.rateLimits();

	@Override
	protected RateLimits instanceLimits() {
		return this.shared;
	}

}
