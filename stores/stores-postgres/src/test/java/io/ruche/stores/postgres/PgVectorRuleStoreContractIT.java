package io.ruche.stores.postgres;

import io.ruche.brain.port.RuleStore;
import io.ruche.testkit.contract.brain.AbstractRuleStoreContractTests;
import org.junit.jupiter.api.AfterAll;

class PgVectorRuleStoreContractIT extends AbstractRuleStoreContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected RuleStore createStore() {
		return database.stores().rules();
	}

}
