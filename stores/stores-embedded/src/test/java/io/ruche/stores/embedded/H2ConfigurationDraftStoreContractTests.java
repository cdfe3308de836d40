package io.ruche.stores.embedded;

import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.testkit.contract.brain.AbstractConfigurationDraftStoreContractTests;

class H2ConfigurationDraftStoreContractTests extends AbstractConfigurationDraftStoreContractTests {

	@Override
	protected ConfigurationDraftStore createStore() {
		return H2TestDatabase.stores().drafts();
	}

}
