package io.ruche.stores.embedded;

import io.ruche.kernel.port.TenantStore;
import io.ruche.testkit.contract.kernel.AbstractTenantStoreContractTests;

class H2TenantStoreContractTests extends AbstractTenantStoreContractTests {

	@Override
	protected TenantStore createStore() {
		return H2TestDatabase.stores().tenants();
	}

}
