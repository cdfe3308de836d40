package io.ruche.stores.embedded;

import io.ruche.brain.port.InterlocutorStore;
import io.ruche.testkit.contract.brain.AbstractInterlocutorStoreContractTests;

class H2InterlocutorStoreContractTests extends AbstractInterlocutorStoreContractTests {

	@Override
	protected InterlocutorStore createStore() {
		return H2TestDatabase.stores().interlocutors();
	}

}
