package io.ruche.stores.embedded;

import io.ruche.brain.port.ScenarioStore;
import io.ruche.testkit.contract.brain.AbstractScenarioStoreContractTests;

class H2ScenarioStoreContractTests extends AbstractScenarioStoreContractTests {

	@Override
	protected ScenarioStore createStore() {
		return H2TestDatabase.stores().scenarios();
	}

}
