package io.ruche.stores.postgres;

import org.junit.jupiter.api.AfterAll;

import io.ruche.kernel.port.AuditLog;
import io.ruche.testkit.contract.kernel.AbstractAuditLogContractTests;

class PgAuditLogContractIT extends AbstractAuditLogContractTests {

	private static final PgTestDatabase database = PgTestDatabase.create();

	@AfterAll
	static void dropSchema() {
		database.close();
	}

	@Override
	protected AuditLog createStore() {
		return database.stores().auditLog();
	}

}
