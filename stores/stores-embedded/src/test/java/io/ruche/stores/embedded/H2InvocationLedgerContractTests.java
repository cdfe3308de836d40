package io.ruche.stores.embedded;

import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.testkit.contract.toolbox.AbstractInvocationLedgerContractTests;

class H2InvocationLedgerContractTests extends AbstractInvocationLedgerContractTests {

	@Override
	protected InvocationLedger createStore() {
		return H2TestDatabase.stores().invocationLedger();
	}

}
