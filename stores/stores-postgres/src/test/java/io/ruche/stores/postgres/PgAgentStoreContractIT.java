package io.ruche.stores.postgres;

import org.junit.jupiter.api.AfterAll;

import io.ruche.brain.port.AgentStore;
import io.ruche.testkit.contract.brain.AbstractAgentStoreContractTests;

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
