package io.ruche.stores.postgres;

import io.ruche.brain.port.ConfigurationDraftStore;
import io.ruche.testkit.contract.brain.AbstractConfigurationDraftStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgConfigurationDraftStoreContractIT extends AbstractConfigurationDraftStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ConfigurationDraftStore createStore() {
		return database.stores().drafts();
	}

}
