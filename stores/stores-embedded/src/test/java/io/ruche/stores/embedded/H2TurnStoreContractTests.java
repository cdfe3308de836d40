package io.ruche.stores.embedded;

import io.ruche.brain.port.TurnStore;
import io.ruche.testkit.contract.brain.AbstractTurnStoreContractTests;

class H2TurnStoreContractTests extends AbstractTurnStoreContractTests {

	@Override
	protected TurnStore createStore() {
		return H2TestDatabase.stores().turns();
	}

}
