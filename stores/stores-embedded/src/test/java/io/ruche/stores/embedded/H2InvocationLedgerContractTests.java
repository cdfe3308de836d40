package io.ruche.stores.embedded;

import io.ruche.testkit.contract.toolbox.AbstractInvocationLedgerContractTests;
import io.ruche.toolbox.port.InvocationLedger;

class H2InvocationLedgerContractTests extends AbstractInvocationLedgerContractTests {

	@Override
	protected InvocationLedger createStore() {
		return H2TestDatabase.stores().invocationLedger();
	}

}
