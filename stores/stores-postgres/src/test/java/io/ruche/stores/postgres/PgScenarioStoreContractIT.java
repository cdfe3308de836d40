package io.ruche.stores.postgres;

import io.ruche.brain.port.ScenarioStore;
import io.ruche.testkit.contract.brain.AbstractScenarioStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgScenarioStoreContractIT extends AbstractScenarioStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ScenarioStore createStore() {
		return database.stores().scenarios();
	}

}
