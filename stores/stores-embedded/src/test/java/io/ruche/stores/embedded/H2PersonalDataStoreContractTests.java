package io.ruche.stores.embedded;

import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.contract.brain.AbstractPersonalDataStoreContractTests;

class H2PersonalDataStoreContractTests extends AbstractPersonalDataStoreContractTests {

	@Override
	protected Stores createStores() {
		JdbcStores stores = H2TestDatabase.stores();
		return new Stores(stores.personalData(), stores.sessions(), stores.turns(), stores.interlocutors());
	}

}
