package io.ruche.stores.postgres;

import org.junit.jupiter.api.AfterAll;

import io.ruche.brain.port.RuleStore;
import io.ruche.testkit.contract.brain.AbstractRuleStoreContractTests;

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
