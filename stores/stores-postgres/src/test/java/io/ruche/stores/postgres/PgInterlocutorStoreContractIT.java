package io.ruche.stores.postgres;

import io.ruche.brain.port.InterlocutorStore;
import io.ruche.testkit.contract.brain.AbstractInterlocutorStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgInterlocutorStoreContractIT extends AbstractInterlocutorStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected InterlocutorStore createStore() {
		return database.stores().interlocutors();
	}

}
