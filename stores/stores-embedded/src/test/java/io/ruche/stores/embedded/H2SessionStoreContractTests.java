package io.ruche.stores.embedded;

import io.ruche.brain.port.SessionStore;
import io.ruche.testkit.contract.brain.AbstractSessionStoreContractTests;

class H2SessionStoreContractTests extends AbstractSessionStoreContractTests {

	@Override
	protected SessionStore createStore() {
		return H2TestDatabase.stores().sessions();
	}

}
