package io.ruche.stores.embedded;

import io.ruche.brain.port.AgentStore;
import io.ruche.testkit.contract.brain.AbstractAgentStoreContractTests;

class H2AgentStoreContractTests extends AbstractAgentStoreContractTests {

	@Override
	protected AgentStore createStore() {
		return H2TestDatabase.stores().agents();
	}

}
