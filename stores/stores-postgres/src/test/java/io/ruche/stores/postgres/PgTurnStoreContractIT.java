package io.ruche.stores.postgres;

import io.ruche.brain.port.TurnStore;
import io.ruche.testkit.contract.brain.AbstractTurnStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgTurnStoreContractIT extends AbstractTurnStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected TurnStore createStore() {
		return database.stores().turns();
	}

}
