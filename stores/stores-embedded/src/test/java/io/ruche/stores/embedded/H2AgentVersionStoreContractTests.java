package io.ruche.stores.embedded;

import io.ruche.brain.port.AgentVersionStore;
import io.ruche.testkit.contract.brain.AbstractAgentVersionStoreContractTests;

class H2AgentVersionStoreContractTests extends AbstractAgentVersionStoreContractTests {

	@Override
	protected AgentVersionStore createStore() {
		return H2TestDatabase.stores().agentVersions();
	}

}
