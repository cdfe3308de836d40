package io.ruche.stores.embedded;

import io.ruche.testkit.contract.toolbox.AbstractToolActivationStoreContractTests;
import io.ruche.toolbox.port.ToolActivationStore;

class H2ToolActivationStoreContractTests extends AbstractToolActivationStoreContractTests {

	@Override
	protected ToolActivationStore createStore() {
		return H2TestDatabase.stores().toolActivations();
	}

}
