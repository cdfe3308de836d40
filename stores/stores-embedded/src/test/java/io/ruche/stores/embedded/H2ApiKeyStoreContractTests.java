package io.ruche.stores.embedded;

import io.ruche.kernel.port.ApiKeyStore;
import io.ruche.testkit.contract.kernel.AbstractApiKeyStoreContractTests;

class H2ApiKeyStoreContractTests extends AbstractApiKeyStoreContractTests {

	@Override
	protected ApiKeyStore createStore() {
		return H2TestDatabase.stores().apiKeys();
	}

}
