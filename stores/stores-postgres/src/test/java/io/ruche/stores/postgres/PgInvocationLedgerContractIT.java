package io.ruche.stores.postgres;

import org.junit.jupiter.api.AfterAll;

import io.ruche.toolbox.port.InvocationLedger;
import io.ruche.testkit.contract.toolbox.AbstractInvocationLedgerContractTests;

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
