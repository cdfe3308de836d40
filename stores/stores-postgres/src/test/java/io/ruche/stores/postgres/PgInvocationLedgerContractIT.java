package io.ruche.stores.postgres;

import io.ruche.testkit.contract.toolbox.AbstractInvocationLedgerContractTests;
import io.ruche.toolbox.port.InvocationLedger;
import org.junit.jupiter.api.AfterAll;

class PgInvocationLedgerContractIT extends AbstractInvocationLedgerContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected InvocationLedger createStore() {
		return database.stores().invocationLedger();
	}

}
