package io.ruche.stores.postgres;

import io.ruche.testkit.contract.toolbox.AbstractToolCatalogStoreContractTests;
import io.ruche.toolbox.port.ToolCatalogStore;
import org.junit.jupiter.api.AfterAll;

class PgVectorToolCatalogStoreContractIT extends AbstractToolCatalogStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected ToolCatalogStore createStore() {
		return database.stores().toolCatalog();
	}

}
