package io.ruche.stores.postgres;

import io.ruche.kernel.port.TenantStore;
import io.ruche.testkit.contract.kernel.AbstractTenantStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgTenantStoreContractIT extends AbstractTenantStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected TenantStore createStore() {
		return database.stores().tenants();
	}

}
