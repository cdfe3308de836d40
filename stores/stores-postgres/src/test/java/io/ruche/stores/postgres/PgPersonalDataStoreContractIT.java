package io.ruche.stores.postgres;

import io.ruche.stores.jdbc.JdbcStores;
import io.ruche.testkit.contract.brain.AbstractPersonalDataStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgPersonalDataStoreContractIT extends AbstractPersonalDataStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected Stores createStores() {
		JdbcStores stores = database.stores();
		return new Stores(stores.personalData(), stores.sessions(), stores.turns(), stores.interlocutors());
	}

}
