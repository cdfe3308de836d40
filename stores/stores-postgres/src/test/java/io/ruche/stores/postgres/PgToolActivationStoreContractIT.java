package io.ruche.stores.postgres;

import io.ruche.testkit.contract.toolbox.AbstractToolActivationStoreContractTests;
import io.ruche.toolbox.port.ToolActivationStore;
import org.junit.jupiter.api.AfterAll;

class PgToolActivationStoreContractIT extends AbstractToolActivationStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ToolActivationStore createStore() {
		return database.stores().toolActivations();
	}

}
