package io.ruche.stores.postgres;

import org.junit.jupiter.api.AfterAll;

import io.ruche.brain.port.TurnStore;
import io.ruche.testkit.contract.brain.AbstractTurnStoreContractTests;

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
