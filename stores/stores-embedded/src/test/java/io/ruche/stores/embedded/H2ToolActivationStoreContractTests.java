package io.ruche.stores.embedded;

import io.ruche.toolbox.port.ToolActivationStore;
import io.ruche.testkit.contract.toolbox.AbstractToolActivationStoreContractTests;

class H2ToolActivationStoreContractTests extends AbstractToolActivationStoreContractTests {

	@Override
	protected ToolActivationStore createStore() {
		return H2TestDatabase.stores().toolActivations();
	}

}
