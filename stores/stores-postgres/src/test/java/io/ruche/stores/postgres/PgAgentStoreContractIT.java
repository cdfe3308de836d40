package io.ruche.stores.postgres;

import io.ruche.brain.port.AgentStore;
import io.ruche.testkit.contract.brain.AbstractAgentStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgAgentStoreContractIT extends AbstractAgentStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected AgentStore createStore() {
		return database.stores().agents();
	}

}
