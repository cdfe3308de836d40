package io.ruche.stores.postgres;

import io.ruche.brain.port.AgentVersionStore;
import io.ruche.testkit.contract.brain.AbstractAgentVersionStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgAgentVersionStoreContractIT extends AbstractAgentVersionStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected AgentVersionStore createStore() {
		return database.stores().agentVersions();
	}

}
