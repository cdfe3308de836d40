package io.ruche.stores.embedded;

import io.ruche.kernel.port.SessionLocks;
import io.ruche.testkit.contract.kernel.AbstractSessionLocksContractTests;

class InProcessSessionLocksContractTests extends AbstractSessionLocksContractTests {

	@Override
	protected SessionLocks createLocks() {
		return EmbeddedStores.sessionLocks();
	}

}
