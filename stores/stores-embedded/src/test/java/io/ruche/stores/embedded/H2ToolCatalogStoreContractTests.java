package io.ruche.stores.embedded;

import io.ruche.testkit.contract.toolbox.AbstractToolCatalogStoreContractTests;
import io.ruche.toolbox.port.ToolCatalogStore;

class H2ToolCatalogStoreContractTests extends AbstractToolCatalogStoreContractTests {

	@Override
	protected ToolCatalogStore createStore() {
		return H2TestDatabase.stores().toolCatalog();
	}

}
