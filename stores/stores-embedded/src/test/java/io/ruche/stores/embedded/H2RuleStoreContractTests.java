package io.ruche.stores.embedded;

import io.ruche.brain.port.RuleStore;
import io.ruche.testkit.contract.brain.AbstractRuleStoreContractTests;

class H2RuleStoreContractTests extends AbstractRuleStoreContractTests {

	@Override
	protected RuleStore createStore() {
		return H2TestDatabase.stores().rules();
	}

}
