package io.ruche.stores.postgres;

import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.testkit.contract.kernel.AbstractApiKeyStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgApiKeyStoreContractIT extends AbstractApiKeyStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ApiKeyStore createStore() {
		return database.stores().apiKeys();
	}

}
