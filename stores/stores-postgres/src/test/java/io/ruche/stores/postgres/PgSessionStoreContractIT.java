package io.ruche.stores.postgres;

import io.ruche.brain.port.SessionStore;
import io.ruche.testkit.contract.brain.AbstractSessionStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgSessionStoreContractIT extends AbstractSessionStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected SessionStore createStore() {
		return database.stores().sessions();
	}

}
