package io.ruche.stores.postgres;

import io.ruche.kernel.port.AuditLog;
import io.ruche.testkit.contract.kernel.AbstractAuditLogContractTests;
import org.junit.jupiter.api.AfterAll;

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
